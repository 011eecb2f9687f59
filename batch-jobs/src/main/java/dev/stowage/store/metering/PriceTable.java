package dev.stowage.store.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * What each transaction class costs: a daily free allowance, then a price per block of requests.
 * The numbers are configuration; {@link #backblazeB2()} holds B2's published prices.
 *
 * @param classA price of uploads and deletes
 * @param classB price of downloads and metadata reads
 * @param classC price of listings and bucket calls
 */
public record PriceTable(ClassPrice classA, ClassPrice classB, ClassPrice classC) {

    /** Dollars are kept to this many decimals: a fraction of a cent is what one run costs. */
    static final int SCALE = 6;

    /**
     * The price of one class.
     *
     * @param freePerDay  requests per day that cost nothing
     * @param dollars     price of one block of {@code perRequests} requests past the allowance
     * @param perRequests block size the price is quoted for (10,000 for B2's class B)
     */
    public record ClassPrice(long freePerDay, BigDecimal dollars, long perRequests) {
        public ClassPrice {
            if (freePerDay < 0 || perRequests <= 0 || dollars.signum() < 0) {
                throw new IllegalArgumentException("invalid price: " + dollars + " per " + perRequests
                        + " requests after " + freePerDay + " free per day");
            }
        }

        public static ClassPrice free() {
            return new ClassPrice(0, BigDecimal.ZERO, 1);
        }

        BigDecimal cost(long billableRequests) {
            return dollars.multiply(BigDecimal.valueOf(billableRequests))
                    .divide(BigDecimal.valueOf(perRequests), SCALE, RoundingMode.HALF_UP);
        }
    }

    /** B2: class A free; B and C 2,500 free a day, then $0.004 per 10,000 (B) and per 1,000 (C). */
    public static PriceTable backblazeB2() {
        return new PriceTable(ClassPrice.free(),
                new ClassPrice(2_500, new BigDecimal("0.004"), 10_000),
                new ClassPrice(2_500, new BigDecimal("0.004"), 1_000));
    }

    public ClassPrice price(CostClass costClass) {
        return switch (costClass) {
            case A -> classA;
            case B -> classB;
            case C -> classC;
        };
    }

    /**
     * The cost of {@code counts} taken as one day's requests, after the daily free allowance. This is
     * what a run costs when it is the only thing touching the account that day.
     */
    public CostEstimate estimate(OperationCounts counts) {
        return estimate(counts, true);
    }

    /**
     * The cost of {@code counts} when the day's free allowance is already used up by other runs: the
     * upper bound a run adds to the bill.
     */
    public CostEstimate estimateWithoutAllowance(OperationCounts counts) {
        return estimate(counts, false);
    }

    private CostEstimate estimate(OperationCounts counts, boolean applyAllowance) {
        Map<CostClass, Long> billable = new EnumMap<>(CostClass.class);
        Map<CostClass, BigDecimal> dollars = new EnumMap<>(CostClass.class);
        for (CostClass costClass : CostClass.values()) {
            ClassPrice price = price(costClass);
            long requests = counts.get(costClass);
            long charged = applyAllowance ? Math.max(0, requests - price.freePerDay()) : requests;
            billable.put(costClass, charged);
            dollars.put(costClass, price.cost(charged));
        }
        return new CostEstimate(counts.byClass(), billable, dollars);
    }
}
