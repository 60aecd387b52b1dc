-- Số thứ tự danh sách thu hồi (CRL number, RFC 5280 §5.2.3): one sequence for every replica, so
-- each CRL the development CA signs has a larger number than any before it, whichever replica made it. CRLs made
-- before this migration were numbered with the milliseconds since 1970 of the replica's clock; the sequence starts
-- above that (plus a day for clocks running ahead), so the numbers keep increasing across the upgrade.
CREATE SEQUENCE crl_number AS bigint MINVALUE 1;

SELECT setval('crl_number', (extract(epoch FROM clock_timestamp()) * 1000)::bigint + 86400000);
