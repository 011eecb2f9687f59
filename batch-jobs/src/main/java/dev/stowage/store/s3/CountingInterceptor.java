package dev.stowage.store.s3;

import dev.stowage.store.metering.OperationCounter;
import dev.stowage.store.metering.OperationKind;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every HTTP request the S3 client sends, by operation: each page of a listing, each part of
 * a multipart upload, each attempt. {@code beforeTransmission} runs once per request actually put
 * on the wire, which is what the provider bills.
 */
final class CountingInterceptor implements ExecutionInterceptor {

    private final OperationCounter counter;

    CountingInterceptor(OperationCounter counter) {
        this.counter = counter;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        counter.record(OperationKind.fromS3Name(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
    }
}
