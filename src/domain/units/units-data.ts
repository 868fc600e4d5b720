/**
 * Units that report: Hanoi's 126 commune-level units (51 wards, 75 communes) with their official 5-digit codes
 * (Decision 19/2025/QĐ-TTg), transcribed from the shared file hanoi-communes-wards-2025.csv; a STARTER list of city
 * departments; the city statistics unit; and two demo units for training. Departments and the city unit are data a
 * planner maintains (toConfirm: true) — no verified list of departments was found.
 */
import type { Unit, UnitKind } from "../types";

/** [official code, kind, name (vi, NFC), name (en)] — one row per ward/commune, in the order of the source file. */
// prettier-ignore
export const COMMUNE_ROWS: readonly (readonly [string, "ward" | "commune", string, string])[] = [
  ["00004", "ward", "Phường Ba Đình", "Ba Dinh Ward"],
  ["00008", "ward", "Phường Ngọc Hà", "Ngoc Ha Ward"],
  ["00025", "ward", "Phường Giảng Võ", "Giang Vo Ward"],
  ["00070", "ward", "Phường Hoàn Kiếm", "Hoan Kiem Ward"],
  ["00082", "ward", "Phường Cửa Nam", "Cua Nam Ward"],
  ["00091", "ward", "Phường Phú Thượng", "Phu Thuong Ward"],
  ["00097", "ward", "Phường Hồng Hà", "Hong Ha Ward"],
  ["00103", "ward", "Phường Tây Hồ", "Tay Ho Ward"],
  ["00118", "ward", "Phường Bồ Đề", "Bo De Ward"],
  ["00127", "ward", "Phường Việt Hưng", "Viet Hung Ward"],
  ["00136", "ward", "Phường Phúc Lợi", "Phuc Loi Ward"],
  ["00145", "ward", "Phường Long Biên", "Long Bien Ward"],
  ["00160", "ward", "Phường Nghĩa Đô", "Nghia Do Ward"],
  ["00166", "ward", "Phường Cầu Giấy", "Cau Giay Ward"],
  ["00175", "ward", "Phường Yên Hoà", "Yen Hoa Ward"],
  ["00190", "ward", "Phường Ô Chợ Dừa", "O Cho Dua Ward"],
  ["00199", "ward", "Phường Láng", "Lang Ward"],
  ["00226", "ward", "Phường Văn Miếu - Quốc Tử Giám", "Van Mieu - Quoc Tu Giam Ward"],
  ["00229", "ward", "Phường Kim Liên", "Kim Lien Ward"],
  ["00235", "ward", "Phường Đống Đa", "Dong Da Ward"],
  ["00256", "ward", "Phường Hai Bà Trưng", "Hai Ba Trung Ward"],
  ["00283", "ward", "Phường Vĩnh Tuy", "Vinh Tuy Ward"],
  ["00292", "ward", "Phường Bạch Mai", "Bach Mai Ward"],
  ["00301", "ward", "Phường Vĩnh Hưng", "Vinh Hung Ward"],
  ["00316", "ward", "Phường Định Công", "Dinh Cong Ward"],
  ["00322", "ward", "Phường Tương Mai", "Tuong Mai Ward"],
  ["00328", "ward", "Phường Lĩnh Nam", "Linh Nam Ward"],
  ["00331", "ward", "Phường Hoàng Mai", "Hoang Mai Ward"],
  ["00337", "ward", "Phường Hoàng Liệt", "Hoang Liet Ward"],
  ["00340", "ward", "Phường Yên Sở", "Yen So Ward"],
  ["00352", "ward", "Phường Phương Liệt", "Phuong Liet Ward"],
  ["00364", "ward", "Phường Khương Đình", "Khuong Dinh Ward"],
  ["00367", "ward", "Phường Thanh Xuân", "Thanh Xuan Ward"],
  ["00376", "commune", "Xã Sóc Sơn", "Soc Son Commune"],
  ["00382", "commune", "Xã Kim Anh", "Kim Anh Commune"],
  ["00385", "commune", "Xã Trung Giã", "Trung Gia Commune"],
  ["00430", "commune", "Xã Đa Phúc", "Da Phuc Commune"],
  ["00433", "commune", "Xã Nội Bài", "Noi Bai Commune"],
  ["00454", "commune", "Xã Đông Anh", "Dong Anh Commune"],
  ["00466", "commune", "Xã Phúc Thịnh", "Phuc Thinh Commune"],
  ["00475", "commune", "Xã Thư Lâm", "Thu Lam Commune"],
  ["00493", "commune", "Xã Thiên Lộc", "Thien Loc Commune"],
  ["00508", "commune", "Xã Vĩnh Thanh", "Vinh Thanh Commune"],
  ["00541", "commune", "Xã Phù Đổng", "Phu Dong Commune"],
  ["00562", "commune", "Xã Thuận An", "Thuan An Commune"],
  ["00565", "commune", "Xã Gia Lâm", "Gia Lam Commune"],
  ["00577", "commune", "Xã Bát Tràng", "Bat Trang Commune"],
  ["00592", "ward", "Phường Từ Liêm", "Tu Liem Ward"],
  ["00598", "ward", "Phường Thượng Cát", "Thuong Cat Ward"],
  ["00602", "ward", "Phường Đông Ngạc", "Dong Ngac Ward"],
  ["00611", "ward", "Phường Xuân Đỉnh", "Xuan Dinh Ward"],
  ["00613", "ward", "Phường Tây Tựu", "Tay Tuu Ward"],
  ["00619", "ward", "Phường Phú Diễn", "Phu Dien Ward"],
  ["00622", "ward", "Phường Xuân Phương", "Xuan Phuong Ward"],
  ["00634", "ward", "Phường Tây Mỗ", "Tay Mo Ward"],
  ["00637", "ward", "Phường Đại Mỗ", "Dai Mo Ward"],
  ["00640", "commune", "Xã Thanh Trì", "Thanh Tri Commune"],
  ["00643", "ward", "Phường Thanh Liệt", "Thanh Liet Ward"],
  ["00664", "commune", "Xã Đại Thanh", "Dai Thanh Commune"],
  ["00679", "commune", "Xã Ngọc Hồi", "Ngoc Hoi Commune"],
  ["00685", "commune", "Xã Nam Phù", "Nam Phu Commune"],
  ["04930", "commune", "Xã Yên Xuân", "Yen Xuan Commune"],
  ["08974", "commune", "Xã Quang Minh", "Quang Minh Commune"],
  ["08980", "commune", "Xã Yên Lãng", "Yen Lang Commune"],
  ["08995", "commune", "Xã Tiến Thắng", "Tien Thang Commune"],
  ["09022", "commune", "Xã Mê Linh", "Me Linh Commune"],
  ["09552", "ward", "Phường Kiến Hưng", "Kien Hung Ward"],
  ["09556", "ward", "Phường Hà Đông", "Ha Dong Ward"],
  ["09562", "ward", "Phường Yên Nghĩa", "Yen Nghia Ward"],
  ["09568", "ward", "Phường Phú Lương", "Phu Luong Ward"],
  ["09574", "ward", "Phường Sơn Tây", "Son Tay Ward"],
  ["09604", "ward", "Phường Tùng Thiện", "Tung Thien Ward"],
  ["09616", "commune", "Xã Đoài Phương", "Doai Phuong Commune"],
  ["09619", "commune", "Xã Quảng Oai", "Quang Oai Commune"],
  ["09634", "commune", "Xã Cổ Đô", "Co Do Commune"],
  ["09661", "commune", "Xã Minh Châu", "Minh Chau Commune"],
  ["09664", "commune", "Xã Vật Lại", "Vat Lai Commune"],
  ["09676", "commune", "Xã Bất Bạt", "Bat Bat Commune"],
  ["09694", "commune", "Xã Suối Hai", "Suoi Hai Commune"],
  ["09700", "commune", "Xã Ba Vì", "Ba Vi Commune"],
  ["09706", "commune", "Xã Yên Bài", "Yen Bai Commune"],
  ["09715", "commune", "Xã Phúc Thọ", "Phuc Tho Commune"],
  ["09739", "commune", "Xã Phúc Lộc", "Phuc Loc Commune"],
  ["09772", "commune", "Xã Hát Môn", "Hat Mon Commune"],
  ["09784", "commune", "Xã Đan Phượng", "Dan Phuong Commune"],
  ["09787", "commune", "Xã Liên Minh", "Lien Minh Commune"],
  ["09817", "commune", "Xã Ô Diên", "O Dien Commune"],
  ["09832", "commune", "Xã Hoài Đức", "Hoai Duc Commune"],
  ["09856", "commune", "Xã Dương Hoà", "Duong Hoa Commune"],
  ["09871", "commune", "Xã Sơn Đồng", "Son Dong Commune"],
  ["09877", "commune", "Xã An Khánh", "An Khanh Commune"],
  ["09886", "ward", "Phường Dương Nội", "Duong Noi Ward"],
  ["09895", "commune", "Xã Quốc Oai", "Quoc Oai Commune"],
  ["09910", "commune", "Xã Kiều Phú", "Kieu Phu Commune"],
  ["09931", "commune", "Xã Hưng Đạo", "Hung Dao Commune"],
  ["09952", "commune", "Xã Phú Cát", "Phu Cat Commune"],
  ["09955", "commune", "Xã Thạch Thất", "Thach That Commune"],
  ["09982", "commune", "Xã Hạ Bằng", "Ha Bang Commune"],
  ["09988", "commune", "Xã Hoà Lạc", "Hoa Lac Commune"],
  ["10003", "commune", "Xã Tây Phương", "Tay Phuong Commune"],
  ["10015", "ward", "Phường Chương Mỹ", "Chuong My Ward"],
  ["10030", "commune", "Xã Phú Nghĩa", "Phu Nghia Commune"],
  ["10045", "commune", "Xã Xuân Mai", "Xuan Mai Commune"],
  ["10072", "commune", "Xã Quảng Bị", "Quang Bi Commune"],
  ["10081", "commune", "Xã Trần Phú", "Tran Phu Commune"],
  ["10096", "commune", "Xã Hoà Phú", "Hoa Phu Commune"],
  ["10114", "commune", "Xã Thanh Oai", "Thanh Oai Commune"],
  ["10126", "commune", "Xã Bình Minh", "Binh Minh Commune"],
  ["10144", "commune", "Xã Tam Hưng", "Tam Hung Commune"],
  ["10180", "commune", "Xã Dân Hoà", "Dan Hoa Commune"],
  ["10183", "commune", "Xã Thường Tín", "Thuong Tin Commune"],
  ["10210", "commune", "Xã Hồng Vân", "Hong Van Commune"],
  ["10231", "commune", "Xã Thượng Phúc", "Thuong Phuc Commune"],
  ["10237", "commune", "Xã Chương Dương", "Chuong Duong Commune"],
  ["10273", "commune", "Xã Phú Xuyên", "Phu Xuyen Commune"],
  ["10279", "commune", "Xã Phượng Dực", "Phuong Duc Commune"],
  ["10330", "commune", "Xã Chuyên Mỹ", "Chuyen My Commune"],
  ["10342", "commune", "Xã Đại Xuyên", "Dai Xuyen Commune"],
  ["10354", "commune", "Xã Vân Đình", "Van Dinh Commune"],
  ["10369", "commune", "Xã Ứng Thiên", "Ung Thien Commune"],
  ["10402", "commune", "Xã Ứng Hoà", "Ung Hoa Commune"],
  ["10417", "commune", "Xã Hoà Xá", "Hoa Xa Commune"],
  ["10441", "commune", "Xã Mỹ Đức", "My Duc Commune"],
  ["10459", "commune", "Xã Phúc Sơn", "Phuc Son Commune"],
  ["10465", "commune", "Xã Hồng Sơn", "Hong Son Commune"],
  ["10489", "commune", "Xã Hương Sơn", "Huong Son Commune"],
];

/**
 * Starter list — to be confirmed by the planners. Our own codes ("S-…" for Sở). Each department lists the
 * `departments` targets of the default catalog it reports; one reporter per target so sums do not double count.
 */
export const DEPARTMENT_ROWS: readonly (readonly [string, string, string, readonly string[]])[] = [
  ["S-TC", "Sở Tài chính", "Department of Finance", ["E03"]],
  ["S-KHCN", "Sở Khoa học và Công nghệ", "Department of Science and Technology", ["E08"]],
  ["S-YT", "Sở Y tế", "Department of Health", ["S11", "S12"]],
  ["S-XD", "Sở Xây dựng", "Department of Construction", ["U03", "U11"]],
  ["S-NNMT", "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment", ["U05"]],
];

/** The `city` targets of the default catalog, reported once for the whole city by the statistics unit "HN". */
// prettier-ignore
export const CITY_TARGET_IDS: readonly string[] = [
  "E01", "E02", "E04", "E05", "E06", "E07", "E09", "E11", "S03", "S04", "S05", "S07", "S08", "U01", "U02",
];

function unit(code: string, kind: UnitKind, vi: string, en: string, extra: Partial<Unit> = {}): Unit {
  return {
    code,
    kind,
    name: { vi: vi.normalize("NFC"), en },
    targetIds: [],
    toConfirm: false,
    demo: false,
    groups: [],
    ...extra,
  };
}

/** A fresh copy of the default units (callers may edit their copy). */
export function buildDefaultUnits(): Unit[] {
  const units: Unit[] = COMMUNE_ROWS.map(([code, kind, vi, en]) =>
    unit(code, kind, vi, en, { groups: [kind === "ward" ? "wards" : "communes"] }),
  );
  // Starter list — to be confirmed by the planners.
  for (const [code, vi, en, targetIds] of DEPARTMENT_ROWS) {
    units.push(
      unit(code, "department", vi, en, { targetIds: [...targetIds], toConfirm: true, groups: ["departments"] }),
    );
  }
  // The city statistics unit reports the one city-level figure of every `city` target. To be confirmed.
  units.push(
    unit("HN", "city", "Thống kê thành phố Hà Nội", "Hanoi City Statistics", {
      targetIds: [...CITY_TARGET_IDS],
      toConfirm: true,
      groups: ["city"],
    }),
  );
  // Demo units: training only, never in real completeness or consolidation.
  units.push(
    unit("DEMO-01", "ward", "Phường Trình Diễn (demo)", "Demo Ward", { demo: true, groups: ["demo"] }),
    unit("DEMO-02", "department", "Sở Trình Diễn (demo)", "Demo Department", {
      targetIds: DEPARTMENT_ROWS.flatMap(([, , , ids]) => ids),
      demo: true,
      groups: ["demo"],
    }),
  );
  return units;
}
