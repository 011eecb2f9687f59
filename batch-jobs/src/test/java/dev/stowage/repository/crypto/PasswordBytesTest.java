package dev.stowage.repository.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.crypto.PasswordConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordBytesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "pw", "correct horse battery staple", "mot de passe à l'été", "пароль",
        "密码是秘密", "🔑 key 🗝️", "\u0000\u007f\u0080\u07ff\u0800\uffff", "\ud800\udc00\udbff\udfff"})
    void encodesLikeBouncyCastlesUtf8Converter(String password) {
        char[] chars = password.toCharArray();

        assertThat(PasswordBytes.utf8(chars)).isEqualTo(PasswordConverter.UTF8.convert(chars));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a\ud800", "\udc00b", "a\ud800b", "\ud800\ud800\udc00"})
    void refusesABrokenSurrogatePairAsBouncyCastleDid(String password) {
        char[] chars = password.toCharArray();

        assertThatThrownBy(() -> PasswordConverter.UTF8.convert(chars)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PasswordBytes.utf8(chars)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
    }
}
