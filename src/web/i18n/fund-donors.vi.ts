/** Vietnamese texts of a fund's donors (nhà hảo tâm). */
export const fundDonorsVi = {
  tab: 'Nhà hảo tâm',
  search: 'Tìm theo tên, điện thoại, thư điện tử (gõ không dấu được)',
  contact: 'Liên hệ',
  publicName: 'Tên trên trang công khai',
  named: 'Được nêu tên',
  notNamed: 'Ghi "Nhà hảo tâm"',
  receipts: 'Số lần ủng hộ',
  given: 'Đã ủng hộ',
  lastDate: 'Lần gần nhất',
  edit: 'Sửa thông tin',
  editIntro:
    'Trang công khai nêu tên theo sự đồng ý hiện tại của nhà hảo tâm. Biên lai đã cấp giữ nguyên tên đã ghi (sổ quỹ không bao giờ bị sửa).',
  email: 'Thư điện tử',
  address: 'Địa chỉ',
  publishHelp: 'Bỏ chọn khi nhà hảo tâm không muốn được nêu tên: trang công khai ghi "Nhà hảo tâm".',
  saved: 'Đã lưu thông tin nhà hảo tâm {name}.',
  empty: 'Chưa có nhà hảo tâm nào',
} as const;
