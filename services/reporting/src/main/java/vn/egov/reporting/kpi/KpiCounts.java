package vn.egov.reporting.kpi;

/**
 * The counts behind the indicators of one agency (or the whole country) in one period. Counts add up, so the
 * national figures are the sum of the agencies'.
 */
public record KpiCounts(
        long filed,
        long filedOnline,
        long filedFullyOnline,
        long services,
        long servicesLevel4,
        long done,
        long doneOnTime,
        long overdue,
        long paid,
        long paidOnline,
        long ratings,
        long ratingTotal,
        long deliveries,
        long deliveredElectronically,
        long feedbackDue,
        long feedbackOnTime) {

    public static final KpiCounts ZERO = new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public KpiCounts plus(KpiCounts o) {
        return new KpiCounts(
                filed + o.filed,
                filedOnline + o.filedOnline,
                filedFullyOnline + o.filedFullyOnline,
                services + o.services,
                servicesLevel4 + o.servicesLevel4,
                done + o.done,
                doneOnTime + o.doneOnTime,
                overdue + o.overdue,
                paid + o.paid,
                paidOnline + o.paidOnline,
                ratings + o.ratings,
                ratingTotal + o.ratingTotal,
                deliveries + o.deliveries,
                deliveredElectronically + o.deliveredElectronically,
                feedbackDue + o.feedbackDue,
                feedbackOnTime + o.feedbackOnTime);
    }

    /** The numerator of an indicator (the count itself for {@link Indicator#OVERDUE}). */
    public long numerator(Indicator indicator) {
        return switch (indicator) {
            case ONLINE_FILING -> filedOnline;
            case LEVEL4_SERVICES -> servicesLevel4;
            case FULLY_ONLINE_DOSSIERS -> filedFullyOnline;
            case ON_TIME -> doneOnTime;
            case OVERDUE -> overdue;
            case ONLINE_PAYMENT -> paidOnline;
            case SATISFACTION -> ratingTotal;
            case ELECTRONIC_DOCUMENTS -> deliveredElectronically;
            case FEEDBACK_ON_TIME -> feedbackOnTime;
        };
    }

    /** The denominator of an indicator (the count of rated dossiers for the satisfaction score). */
    public long denominator(Indicator indicator) {
        return switch (indicator) {
            case ONLINE_FILING, FULLY_ONLINE_DOSSIERS -> filed;
            case LEVEL4_SERVICES -> services;
            case ON_TIME -> done;
            case OVERDUE -> 1;
            case ONLINE_PAYMENT -> paid;
            case SATISFACTION -> ratings;
            case ELECTRONIC_DOCUMENTS -> deliveries;
            case FEEDBACK_ON_TIME -> feedbackDue;
        };
    }
}
