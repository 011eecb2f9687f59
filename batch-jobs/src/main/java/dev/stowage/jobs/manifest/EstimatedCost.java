package dev.stowage.jobs.manifest;

import dev.stowage.store.metering.CostClass;
import dev.stowage.store.metering.CostEstimate;
import dev.stowage.store.metering.PriceTable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a run's requests cost, in dollars, by the configured price table ({@code stowage.pricing.*},
 * Backblaze B2's prices by default). Two answers, because the free allowance is per day and account,
 * not per run: {@code dollars} if the run were the day's only activity, {@code dollarsWithoutFreeAllowance}
 * if other runs used the allowance up already (what the run can add to the bill at most).
 *
 * @param byClass the cost of each class without the free allowance
 */
public record EstimatedCost(BigDecimal dollars, BigDecimal dollarsWithoutFreeAllowance,
        Map<CostClass, BigDecimal> byClass) {

    public static final EstimatedCost NONE = new EstimatedCost(BigDecimal.ZERO, BigDecimal.ZERO, Map.of());

    public EstimatedCost {
        dollars = dollars == null ? BigDecimal.ZERO : dollars;
        dollarsWithoutFreeAllowance = dollarsWithoutFreeAllowance == null ? BigDecimal.ZERO
                : dollarsWithoutFreeAllowance;
        Map<CostClass, BigDecimal> all = new EnumMap<>(CostClass.class);
        for (CostClass costClass : CostClass.values()) {
            all.put(costClass, byClass == null ? BigDecimal.ZERO : byClass.getOrDefault(costClass, BigDecimal.ZERO));
        }
        byClass = Collections.unmodifiableMap(all);
    }

    public static EstimatedCost of(Operations operations, PriceTable prices) {
        CostEstimate alone = prices.estimate(operations.counts());
        CostEstimate past = prices.estimateWithoutAllowance(operations.counts());
        return new EstimatedCost(alone.totalDollars(), past.totalDollars(), past.dollars());
    }
}
