package dev.stowage.launcher;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The {@code stowage} command. */
@SpringBootApplication
public class StowageApplication {
    public static void main(String[] args) {
        org.springframework.boot.SpringApplication.run(StowageApplication.class, args);
    }
}
