-- Reference data of the population database: ethnic groups, administrative units (2025 two-level
-- administration: province and commune/ward), purposes of processing.

-- Dân tộc — the 54 official ethnic groups, GSO codes (Decision 121-TCTK/PPCĐ, 1979).
create table ethnic_group (
    code char(2) primary key check (code ~ '^[0-9]{2}$'),
    name text not null unique
);

insert into ethnic_group (code, name) values
 ('01','Kinh'),('02','Tày'),('03','Thái'),('04','Hoa'),('05','Khơ-me'),('06','Mường'),('07','Nùng'),
 ('08','Hmông'),('09','Dao'),('10','Gia-rai'),('11','Ngái'),('12','Ê-đê'),('13','Ba-na'),('14','Xơ-đăng'),
 ('15','Sán Chay'),('16','Cơ-ho'),('17','Chăm'),('18','Sán Dìu'),('19','Hrê'),('20','Mnông'),('21','Ra-glai'),
 ('22','Xtiêng'),('23','Bru-Vân Kiều'),('24','Thổ'),('25','Giáy'),('26','Cơ-tu'),('27','Gié-Triêng'),('28','Mạ'),
 ('29','Khơ-mú'),('30','Co'),('31','Tà-ôi'),('32','Chơ-ro'),('33','Kháng'),('34','Xinh-mun'),('35','Hà Nhì'),
 ('36','Chu-ru'),('37','Lào'),('38','La Chí'),('39','La Ha'),('40','Phù Lá'),('41','La Hủ'),('42','Lự'),
 ('43','Lô Lô'),('44','Chứt'),('45','Mảng'),('46','Pà Thẻn'),('47','Cơ Lao'),('48','Cống'),('49','Bố Y'),
 ('50','Si La'),('51','Pu Péo'),('52','Brâu'),('53','Ơ-đu'),('54','Rơ-măm');

-- Tỉnh, thành phố — the 34 provinces after Resolution 202/2025/QH15. OUR CONVENTION (the official codes
-- were not confirmed, see README): a merged province keeps the 2-digit code of the same-named pre-merger
-- province; a new birth registered there gets the personal-ID prefix '0' || code.
create table province (
    code char(2) primary key check (code ~ '^[0-9]{2}$'),
    name text not null unique,
    kind text not null check (kind in ('PROVINCE', 'CITY'))
);

insert into province (code, name, kind) values
 ('01','Hà Nội','CITY'),('04','Cao Bằng','PROVINCE'),('08','Tuyên Quang','PROVINCE'),('10','Lào Cai','PROVINCE'),
 ('11','Điện Biên','PROVINCE'),('12','Lai Châu','PROVINCE'),('14','Sơn La','PROVINCE'),('19','Thái Nguyên','PROVINCE'),
 ('20','Lạng Sơn','PROVINCE'),('22','Quảng Ninh','PROVINCE'),('25','Phú Thọ','PROVINCE'),('27','Bắc Ninh','PROVINCE'),
 ('31','Hải Phòng','CITY'),('33','Hưng Yên','PROVINCE'),('37','Ninh Bình','PROVINCE'),('38','Thanh Hóa','PROVINCE'),
 ('40','Nghệ An','PROVINCE'),('42','Hà Tĩnh','PROVINCE'),('45','Quảng Trị','PROVINCE'),('46','Huế','CITY'),
 ('48','Đà Nẵng','CITY'),('51','Quảng Ngãi','PROVINCE'),('56','Khánh Hòa','PROVINCE'),('64','Gia Lai','PROVINCE'),
 ('66','Đắk Lắk','PROVINCE'),('68','Lâm Đồng','PROVINCE'),('72','Tây Ninh','PROVINCE'),('75','Đồng Nai','PROVINCE'),
 ('79','Hồ Chí Minh','CITY'),('86','Vĩnh Long','PROVINCE'),('87','Đồng Tháp','PROVINCE'),('89','An Giang','PROVINCE'),
 ('92','Cần Thơ','CITY'),('96','Cà Mau','PROVINCE');

-- Which of the 63 pre-merger provinces (personal-ID prefixes, Circular 07/2016/TT-BCA) each province absorbed.
create table province_predecessor (
    former_code char(3) primary key check (former_code ~ '^0[0-9]{2}$'),
    former_name text not null,
    province_code char(2) not null references province (code)
);

insert into province_predecessor (former_code, former_name, province_code) values
 ('001','Hà Nội','01'),('004','Cao Bằng','04'),('011','Điện Biên','11'),('012','Lai Châu','12'),('014','Sơn La','14'),
 ('020','Lạng Sơn','20'),('022','Quảng Ninh','22'),('038','Thanh Hóa','38'),('040','Nghệ An','40'),('042','Hà Tĩnh','42'),
 ('046','Thừa Thiên Huế','46'),
 ('008','Tuyên Quang','08'),('002','Hà Giang','08'),
 ('010','Lào Cai','10'),('015','Yên Bái','10'),
 ('019','Thái Nguyên','19'),('006','Bắc Kạn','19'),
 ('025','Phú Thọ','25'),('026','Vĩnh Phúc','25'),('017','Hòa Bình','25'),
 ('027','Bắc Ninh','27'),('024','Bắc Giang','27'),
 ('031','Hải Phòng','31'),('030','Hải Dương','31'),
 ('033','Hưng Yên','33'),('034','Thái Bình','33'),
 ('037','Ninh Bình','37'),('035','Hà Nam','37'),('036','Nam Định','37'),
 ('045','Quảng Trị','45'),('044','Quảng Bình','45'),
 ('048','Đà Nẵng','48'),('049','Quảng Nam','48'),
 ('051','Quảng Ngãi','51'),('062','Kon Tum','51'),
 ('056','Khánh Hòa','56'),('058','Ninh Thuận','56'),
 ('064','Gia Lai','64'),('052','Bình Định','64'),
 ('066','Đắk Lắk','66'),('054','Phú Yên','66'),
 ('068','Lâm Đồng','68'),('067','Đắk Nông','68'),('060','Bình Thuận','68'),
 ('072','Tây Ninh','72'),('080','Long An','72'),
 ('075','Đồng Nai','75'),('070','Bình Phước','75'),
 ('079','Hồ Chí Minh','79'),('074','Bình Dương','79'),('077','Bà Rịa - Vũng Tàu','79'),
 ('086','Vĩnh Long','86'),('083','Bến Tre','86'),('084','Trà Vinh','86'),
 ('087','Đồng Tháp','87'),('082','Tiền Giang','87'),
 ('089','An Giang','89'),('091','Kiên Giang','89'),
 ('092','Cần Thơ','92'),('094','Sóc Trăng','92'),('093','Hậu Giang','92'),
 ('096','Cà Mau','96'),('095','Bạc Liêu','96');

-- Xã, phường — communes and wards. SEED SAMPLE: a few per province; codes are ours ('<province>-<nnn>')
-- until the official GSO codes are loaded.
create table commune (
    code text primary key check (code ~ '^[0-9]{2}-[0-9]{3}$'),
    province_code char(2) not null references province (code),
    name text not null,
    kind text not null check (kind in ('COMMUNE', 'WARD', 'SPECIAL_ZONE')),
    unique (province_code, name)
);

insert into commune (code, province_code, name, kind) values
 ('01-001','01','Hoàn Kiếm','WARD'),('01-002','01','Ba Đình','WARD'),('01-003','01','Cầu Giấy','WARD'),
 ('04-001','04','Thục Phán','WARD'),('04-002','04','Tân Giang','WARD'),
 ('08-001','08','Minh Xuân','WARD'),('08-002','08','Hà Giang 1','WARD'),
 ('10-001','10','Lào Cai','WARD'),('10-002','10','Yên Bái','WARD'),
 ('11-001','11','Điện Biên Phủ','WARD'),('11-002','11','Mường Lay','WARD'),
 ('12-001','12','Tân Phong','WARD'),('12-002','12','Đoàn Kết','WARD'),
 ('14-001','14','Tô Hiệu','WARD'),('14-002','14','Chiềng An','WARD'),
 ('19-001','19','Phan Đình Phùng','WARD'),('19-002','19','Đức Xuân','WARD'),
 ('20-001','20','Lương Văn Tri','WARD'),('20-002','20','Tam Thanh','WARD'),
 ('22-001','22','Hạ Long','WARD'),('22-002','22','Móng Cái 1','WARD'),
 ('25-001','25','Việt Trì','WARD'),('25-002','25','Vĩnh Phúc','WARD'),
 ('27-001','27','Kinh Bắc','WARD'),('27-002','27','Bắc Giang','WARD'),
 ('31-001','31','Hồng Bàng','WARD'),('31-002','31','Hải Dương','WARD'),
 ('33-001','33','Phố Hiến','WARD'),('33-002','33','Thái Bình','WARD'),
 ('37-001','37','Hoa Lư','WARD'),('37-002','37','Nam Định','WARD'),
 ('38-001','38','Hạc Thành','WARD'),('38-002','38','Sầm Sơn','WARD'),
 ('40-001','40','Thành Vinh','WARD'),('40-002','40','Cửa Lò','WARD'),
 ('42-001','42','Thành Sen','WARD'),('42-002','42','Trần Phú','WARD'),
 ('45-001','45','Đồng Hới','WARD'),('45-002','45','Đông Hà','WARD'),
 ('46-001','46','Thuận Hóa','WARD'),('46-002','46','Phú Xuân','WARD'),
 ('48-001','48','Hải Châu','WARD'),('48-002','48','Hội An','WARD'),
 ('51-001','51','Cẩm Thành','WARD'),('51-002','51','Kon Tum','WARD'),
 ('56-001','56','Nha Trang','WARD'),('56-002','56','Phan Rang','WARD'),
 ('64-001','64','Pleiku','WARD'),('64-002','64','Quy Nhơn','WARD'),
 ('66-001','66','Buôn Ma Thuột','WARD'),('66-002','66','Tuy Hòa','WARD'),
 ('68-001','68','Xuân Hương - Đà Lạt','WARD'),('68-002','68','Phan Thiết','WARD'),
 ('72-001','72','Tân Ninh','WARD'),('72-002','72','Long An','WARD'),
 ('75-001','75','Trấn Biên','WARD'),('75-002','75','Bình Phước','WARD'),
 ('79-001','79','Sài Gòn','WARD'),('79-002','79','Bến Thành','WARD'),('79-003','79','Thủ Dầu Một','WARD'),
 ('86-001','86','Thanh Đức','WARD'),('86-002','86','Bến Tre','WARD'),
 ('87-001','87','Mỹ Tho','WARD'),('87-002','87','Cao Lãnh','WARD'),
 ('89-001','89','Long Xuyên','WARD'),('89-002','89','Rạch Giá','WARD'),
 ('92-001','92','Ninh Kiều','WARD'),('92-002','92','Sóc Trăng','WARD'),
 ('96-001','96','An Xuyên','WARD'),('96-002','96','Bạc Liêu','WARD');

-- Mục đích xử lý — the purposes for which population data may be released (Decree 13/2023 art. 11, 13).
create table purpose (
    code text primary key check (code ~ '^[a-z][a-z0-9-]{1,40}$'),
    name text not null,
    legal_basis text not null,
    needs_citizen_consent boolean not null default false
);

insert into purpose (code, name, legal_basis, needs_citizen_consent) values
 ('dossier-processing','Giải quyết thủ tục hành chính (hồ sơ)','Nghị định 47/2020/NĐ-CP; Luật Căn cước 2023 Điều 10', false),
 ('identity-verification','Xác thực thông tin công dân','Luật Căn cước 2023 Điều 10', false),
 ('portal-prefill','Điền sẵn biểu mẫu trên Cổng dịch vụ công theo đồng ý của công dân','Nghị định 13/2023/NĐ-CP Điều 11', true),
 ('statistics','Thống kê dân số (không định danh cá nhân)','Luật Thống kê 2015', false),
 ('social-insurance','Giải quyết chế độ bảo hiểm xã hội, bảo hiểm y tế','Luật Bảo hiểm xã hội 2024', false),
 ('civil-registration','Đăng ký, quản lý hộ tịch và cư trú (cán bộ hộ tịch)','Luật Hộ tịch 2014; Luật Cư trú 2020', false),
 ('self-access','Công dân tự tra cứu thông tin của mình','Nghị định 13/2023/NĐ-CP Điều 9, 14', false);
