package vn.egov.interchange.agency;

/** The two forms an organisation code (mã định danh) takes. */
public enum OrganisationCodeFormat {
    /** QCVN 102:2016 four-level form {@code V1V2V3.Z1Z2.Y1Y2.MX1X2}, e.g. {@code 000.00.00.G22}. */
    QCVN102_2016,
    /** QĐ 20/2020/QĐ-TTg electronic identifier, e.g. {@code G22}, {@code H37.02.02}, {@code Z01ABC}. */
    QD20_2020
}
