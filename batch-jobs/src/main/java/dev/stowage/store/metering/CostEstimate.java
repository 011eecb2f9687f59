package dev.stowage.store.metering;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a run's requests cost, by transaction class, as computed by {@link PriceTable}.
 *
 * @param requests requests sent, by class
 * @param billable requests past the free allowance, by class
 * @param dollars  price of the billable requests, by class
 */
public record CostEstimate(Map<CostClass, Long> requests, Map<CostClass, Long> billable,
        Map<CostClass, BigDecimal> dollars) {

    public CostEstimate {
        requests = Map.copyOf(requests);
        billable = Map.copyOf(billable);
        dollars = Map.copyOf(dollars);
    }

    public BigDecimal totalDollars() {
        return dollars.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** "class A 120, class B 40, class C 3: $0.000000" for run reports and {@code describe}. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (CostClass costClass : CostClass.values()) {
            text.append(text.length() == 0 ? "" : ", ")
                    .append("class ").append(costClass).append(' ').append(requests.getOrDefault(costClass, 0L));
        }
        return text.append(": $").append(totalDollars().toPlainString()).toString();
    }
}
