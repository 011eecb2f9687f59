package dev.stowage.jobs;

import dev.stowage.store.metering.PriceTable;
import java.math.BigDecimal;

/**
 * {@code stowage.pricing.*}: the price of each transaction class, for the estimated cost of a run.
 * Anything left unset is Backblaze B2's published price: class A free; classes B and C 2,500 free a
 * day, then $0.004 per 10,000 (B) and per 1,000 (C). For example
 * {@code STOWAGE_PRICING_CLASS_C_DOLLARS=0.005} or, in YAML, {@code stowage.pricing.class-c.free-per-day: 0}.
 */
public record PricingProperties(ClassPrice classA, ClassPrice classB, ClassPrice classC) {

    /**
     * @param freePerDay  requests per day that cost nothing
     * @param dollars     the price of {@code perRequests} requests past the allowance
     * @param perRequests how many requests {@code dollars} buys
     */
    public record ClassPrice(Long freePerDay, BigDecimal dollars, Long perRequests) {

        PriceTable.ClassPrice over(PriceTable.ClassPrice defaults) {
            return new PriceTable.ClassPrice(freePerDay != null ? freePerDay : defaults.freePerDay(),
                    dollars != null ? dollars : defaults.dollars(),
                    perRequests != null ? perRequests : defaults.perRequests());
        }
    }

    /** The configured prices over B2's. */
    public PriceTable toPriceTable() {
        PriceTable b2 = PriceTable.backblazeB2();
        return new PriceTable(over(classA, b2.classA()), over(classB, b2.classB()), over(classC, b2.classC()));
    }

    private static PriceTable.ClassPrice over(ClassPrice configured, PriceTable.ClassPrice defaults) {
        return configured == null ? defaults : configured.over(defaults);
    }
}
