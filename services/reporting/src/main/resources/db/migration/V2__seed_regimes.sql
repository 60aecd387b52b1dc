-- Two regimes the demo agencies file: Văn phòng Chính phủ (000.00.00.G22) and Thừa Thiên Huế (000.00.00.H57),
-- both received by Văn phòng Chính phủ. Deadline days are demo values set per regime (art. 13 sets the
-- default; sector regimes set their own).
insert into report_regime (code, name, legal_basis, frequency, deadline_day, receiving_agency, outline, created_at, updated_at)
values
 ('TTHC_THANG',
  'Báo cáo tình hình, kết quả giải quyết thủ tục hành chính',
  'Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP; Nghị định 09/2019/NĐ-CP',
  'MONTH', 20, '000.00.00.G22',
  '["I. Tình hình, kết quả giải quyết thủ tục hành chính", "II. Nguyên nhân hồ sơ quá hạn và giải pháp khắc phục", "III. Khó khăn, vướng mắc và đề xuất, kiến nghị"]',
  '2026-01-01T00:00:00+07', '2026-01-01T00:00:00+07'),
 ('CPDT_QUY',
  'Báo cáo tình hình triển khai Chính phủ điện tử',
  'Nghị quyết 17/NQ-CP ngày 07/3/2019; Nghị định 09/2019/NĐ-CP',
  'QUARTER', 25, '000.00.00.G22',
  '["I. Kết quả cung cấp dịch vụ công trực tuyến", "II. Gửi, nhận văn bản điện tử", "III. Nền tảng, hạ tầng và kinh phí", "IV. Khó khăn, vướng mắc và đề xuất"]',
  '2026-01-01T00:00:00+07', '2026-01-01T00:00:00+07');

insert into report_regime_agency (regime_code, agency_code, agency_name, email) values
 ('TTHC_THANG', '000.00.00.G22', 'Văn phòng Chính phủ', 'baocao@vpcp.egov.test'),
 ('TTHC_THANG', '000.00.00.H57', 'UBND tỉnh Thừa Thiên Huế', 'baocao@hue.egov.test'),
 ('CPDT_QUY', '000.00.00.G22', 'Văn phòng Chính phủ', 'baocao@vpcp.egov.test'),
 ('CPDT_QUY', '000.00.00.H57', 'UBND tỉnh Thừa Thiên Huế', 'baocao@hue.egov.test');

insert into report_data_table (regime_code, code, title, position) values
 ('TTHC_THANG', 'BIEU_01', 'Biểu 01: Tình hình, kết quả giải quyết thủ tục hành chính', 1),
 ('TTHC_THANG', 'BIEU_02', 'Biểu 02: Nguyên nhân quá hạn, xin lỗi tổ chức, cá nhân', 2),
 ('CPDT_QUY', 'BIEU_01', 'Biểu 01: Dịch vụ công trực tuyến', 1),
 ('CPDT_QUY', 'BIEU_02', 'Biểu 02: Văn bản điện tử, kết nối và kinh phí', 2);

insert into report_indicator
 (regime_code, table_code, code, name, unit, type, required, min_value, max_value, max_length, aggregation, position) values
 ('TTHC_THANG', 'BIEU_01', 'DOSSIERS_CARRIED_OVER', 'Số hồ sơ từ kỳ trước chuyển qua', 'hồ sơ', 'INTEGER', true, 0, null, null, 'SUM', 1),
 ('TTHC_THANG', 'BIEU_01', 'DOSSIERS_RECEIVED', 'Số hồ sơ mới tiếp nhận trong kỳ', 'hồ sơ', 'INTEGER', true, 0, null, null, 'SUM', 2),
 ('TTHC_THANG', 'BIEU_01', 'DOSSIERS_RECEIVED_ONLINE', 'Trong đó: tiếp nhận trực tuyến', 'hồ sơ', 'INTEGER', true, 0, null, null, 'SUM', 3),
 ('TTHC_THANG', 'BIEU_01', 'DOSSIERS_RESOLVED_EARLY', 'Số hồ sơ đã giải quyết trước hạn', 'hồ sơ', 'INTEGER', true, 0, null, null, 'SUM', 4),
 ('TTHC_THANG', 'BIEU_01', 'DOSSIERS_RESOLVED_ON_TIME', 'Số hồ sơ đã giải quyết đúng hạn', 'hồ sơ', 'INTEGER', true, 0, null, null, 'SUM', 5),
 ('TTHC_THANG', 'BIEU_01', 'DOSSIERS_RESOLVED_LATE', 'Số hồ sơ đã giải quyết quá hạn', 'hồ sơ', 'INTEGER', true, 0, null, null, 'SUM', 6),
 ('TTHC_THANG', 'BIEU_01', 'DOSSIERS_PENDING_IN_TIME', 'Số hồ sơ đang giải quyết trong hạn', 'hồ sơ', 'INTEGER', true, 0, null, null, 'SUM', 7),
 ('TTHC_THANG', 'BIEU_01', 'DOSSIERS_PENDING_OVERDUE', 'Số hồ sơ đang giải quyết quá hạn', 'hồ sơ', 'INTEGER', true, 0, null, null, 'SUM', 8),
 ('TTHC_THANG', 'BIEU_01', 'ON_TIME_RATE', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '%', 'PERCENT', true, 0, 100, null, 'AVERAGE', 9),
 ('TTHC_THANG', 'BIEU_02', 'APOLOGY_LETTERS', 'Số văn bản xin lỗi tổ chức, cá nhân', 'văn bản', 'INTEGER', false, 0, null, null, 'SUM', 10),
 ('TTHC_THANG', 'BIEU_02', 'OVERDUE_REASONS', 'Nguyên nhân hồ sơ quá hạn', null, 'TEXT', false, null, null, 2000, 'NONE', 11),
 ('CPDT_QUY', 'BIEU_01', 'LEVEL4_SERVICES', 'Số dịch vụ công trực tuyến toàn trình', 'dịch vụ', 'INTEGER', true, 0, null, null, 'SUM', 1),
 ('CPDT_QUY', 'BIEU_01', 'ONLINE_DOSSIER_SHARE', 'Tỷ lệ hồ sơ nộp trực tuyến', '%', 'PERCENT', true, 0, 100, null, 'AVERAGE', 2),
 ('CPDT_QUY', 'BIEU_01', 'ONLINE_PAYMENT_SHARE', 'Tỷ lệ hồ sơ thanh toán trực tuyến', '%', 'PERCENT', false, 0, 100, null, 'AVERAGE', 3),
 ('CPDT_QUY', 'BIEU_02', 'E_DOCUMENT_SHARE', 'Tỷ lệ văn bản trao đổi dưới dạng điện tử', '%', 'PERCENT', true, 0, 100, null, 'AVERAGE', 4),
 ('CPDT_QUY', 'BIEU_02', 'CONNECTED_TO_NDXP', 'Đã kết nối Nền tảng tích hợp, chia sẻ dữ liệu quốc gia', null, 'BOOLEAN', true, null, null, null, 'NONE', 5),
 ('CPDT_QUY', 'BIEU_02', 'IT_BUDGET', 'Kinh phí ứng dụng công nghệ thông tin trong kỳ', 'triệu đồng', 'DECIMAL', false, 0, null, null, 'SUM', 6),
 ('CPDT_QUY', 'BIEU_02', 'ISSUES', 'Khó khăn, vướng mắc và đề xuất', null, 'TEXT', false, null, null, 4000, 'NONE', 7);
