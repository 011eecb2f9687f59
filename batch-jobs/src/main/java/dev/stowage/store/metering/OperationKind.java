package dev.stowage.store.metering;

import java.util.HashMap;
import java.util.Map;

/**
 * One kind of S3 request, named as the S3 API (and the AWS SDK's operation name) spells it, with the
 * B2 transaction class it is billed in.
 *
 * <p>Requests the store never sends on purpose but that a validator or the SDK may (bucket versioning
 * queries, for instance) fall into {@link #OTHER}, billed as class C: B2 bills its miscellaneous
 * bucket calls there, so counting them as C never under-estimates.
 */
public enum OperationKind {
    PUT_OBJECT("PutObject", CostClass.A),
    CREATE_MULTIPART_UPLOAD("CreateMultipartUpload", CostClass.A),
    UPLOAD_PART("UploadPart", CostClass.A),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload", CostClass.A),
    ABORT_MULTIPART_UPLOAD("AbortMultipartUpload", CostClass.A),
    DELETE_OBJECT("DeleteObject", CostClass.A),
    DELETE_OBJECTS("DeleteObjects", CostClass.A),
    GET_OBJECT("GetObject", CostClass.B),
    HEAD_OBJECT("HeadObject", CostClass.B),
    LIST_OBJECTS("ListObjects", CostClass.C),
    LIST_OBJECTS_V2("ListObjectsV2", CostClass.C),
    LIST_OBJECT_VERSIONS("ListObjectVersions", CostClass.C),
    LIST_BUCKETS("ListBuckets", CostClass.C),
    HEAD_BUCKET("HeadBucket", CostClass.C),
    COPY_OBJECT("CopyObject", CostClass.C),
    LIST_PARTS("ListParts", CostClass.C),
    LIST_MULTIPART_UPLOADS("ListMultipartUploads", CostClass.C),
    OTHER("Other", CostClass.C);

    private static final Map<String, OperationKind> BY_NAME = new HashMap<>();

    static {
        for (OperationKind kind : values()) {
            BY_NAME.put(kind.s3Name, kind);
        }
    }

    private final String s3Name;
    private final CostClass costClass;

    OperationKind(String s3Name, CostClass costClass) {
        this.s3Name = s3Name;
        this.costClass = costClass;
    }

    /** The S3 operation name ("PutObject"), also the key in {@link OperationCounts#toMap()}. */
    public String s3Name() {
        return s3Name;
    }

    public CostClass costClass() {
        return costClass;
    }

    /** The kind for an S3 operation name; {@link #OTHER} for any name not listed here. */
    public static OperationKind fromS3Name(String name) {
        return BY_NAME.getOrDefault(name, OTHER);
    }
}
