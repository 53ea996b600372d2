package org.chorus.survey.coding.agreement;

/**
 * How far two coders agree on one category over the answers both coded: each answer either was given the category
 * or was not, by each coder, so the answers fall in a two-by-two table. Percent agreement alone flatters a category
 * that is rarely used (both coders leave it off almost everything), so Cohen's kappa discounts the agreement the
 * coders would reach by chance given how often each uses the category.
 *
 * @param both answers both coders gave the category
 * @param firstOnly answers only the first coder gave it
 * @param secondOnly answers only the second coder gave it
 * @param neither answers neither coder gave it
 */
public record Agreement(long both, long firstOnly, long secondOnly, long neither) {

    public long answers() {
        return both + firstOnly + secondOnly + neither;
    }

    /** Observed agreement, 0 to 1; null when there is nothing to compare. */
    public Double percentAgreement() {
        return answers() == 0 ? null : observed();
    }

    /**
     * Cohen's kappa, (p<sub>o</sub> - p<sub>e</sub>) / (1 - p<sub>e</sub>); null when it is undefined: no answers,
     * or chance agreement is certain (both coders gave every answer the same value throughout).
     */
    public Double kappa() {
        long n = answers();
        if (n == 0) {
            return null;
        }
        double firstYes = (double) (both + firstOnly) / n;
        double secondYes = (double) (both + secondOnly) / n;
        double chance = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
        return chance == 1.0 ? null : (observed() - chance) / (1 - chance);
    }

    private double observed() {
        return (double) (both + neither) / answers();
    }
}
