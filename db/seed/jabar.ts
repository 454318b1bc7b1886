/**
 * The demo registry of a Jawa Barat instance (PANTI_PROVINCE=32), for trying the FKD-MPU
 * hand-offs with two instances on one machine: two invented panti in Bandung and Bekasi, their
 * rooms and beds, a few residents and one user per role that hand-offs need. Everything is
 * invented and marked as demo (the panti names say DEMO; the app shows the demo banner); the same
 * `now` always gives the same rows. The reference vocabularies and the partner registry are the
 * same as DKI Jakarta's demo.
 */
import type { Role } from "../../app/domain/permissions";
import type * as schema from "../schema";

export const JABAR_PROVINCE_CODE = "32";

const DAY = 86_400_000;

interface DemoPanti {
  code: string;
  name: string;
  type: "intake" | "elderly";
  kota: string;
  targetGroup: string;
  targetCategories: string[];
}

const PANTI: readonly DemoPanti[] = [
  {
    code: "JB-DEMO-BDG",
    name: "Panti Sosial Bina Insan Bandung (DEMO)",
    type: "intake",
    kota: "Kota Bandung",
    targetGroup: "PPKS dewasa: gelandangan, pengemis, pemulung (demo)",
    targetCategories: ["gelandangan", "pengemis", "pemulung", "korban_trafficking", "pekerja_migran_bermasalah"],
  },
  {
    code: "JB-DEMO-BKS",
    name: "Panti Sosial Griya Harapan Bekasi (DEMO)",
    type: "elderly",
    kota: "Kota Bekasi",
    targetGroup: "Lanjut usia terlantar (demo)",
    targetCategories: ["lansia_terlantar"],
  },
];

/** Two wards per panti (men and women), six beds each. */
const WARDS = [
  { name: "Wisma Putra", sex: "male" as const },
  { name: "Wisma Putri", sex: "female" as const },
];
const BEDS_PER_WARD = 6;

interface DemoResident {
  panti: string;
  name: string;
  sex: "male" | "female";
  birthYear: number;
  originCity: string;
  ppksCategory: string;
  stage: string;
  /** Days before `now` the stay began. */
  admittedDaysAgo: number;
}

const RESIDENTS: readonly DemoResident[] = [
  { panti: "JB-DEMO-BDG", name: "Asep Sunandar", sex: "male", birthYear: 1979, originCity: "Kabupaten Garut", ppksCategory: "gelandangan", stage: "asesmen", admittedDaysAgo: 21 },
  { panti: "JB-DEMO-BDG", name: "Cecep Hidayat", sex: "male", birthYear: 1990, originCity: "Kabupaten Tasikmalaya", ppksCategory: "pemulung", stage: "intervensi", admittedDaysAgo: 64 },
  { panti: "JB-DEMO-BDG", name: "Euis Kurniasih", sex: "female", birthYear: 1985, originCity: "Kabupaten Cianjur", ppksCategory: "pekerja_migran_bermasalah", stage: "pendekatan_awal", admittedDaysAgo: 5 },
  { panti: "JB-DEMO-BKS", name: "Dadang Suryana", sex: "male", birthYear: 1948, originCity: "Kota Bekasi", ppksCategory: "lansia_terlantar", stage: "intervensi", admittedDaysAgo: 140 },
  { panti: "JB-DEMO-BKS", name: "Iyah Rohayati", sex: "female", birthYear: 1951, originCity: "Kabupaten Karawang", ppksCategory: "lansia_terlantar", stage: "resosialisasi", admittedDaysAgo: 230 },
];

interface DemoUser {
  username: string;
  name: string;
  role: Role;
  panti: string | null;
}

const USERS: readonly DemoUser[] = [
  { username: "admin", name: "Neneng Sumarni", role: "dinsos_admin", panti: null },
  { username: "analis", name: "Yayan Ruhiyat", role: "dinsos_viewer", panti: null },
  { username: "admin.bdg", name: "Agus Gumilar", role: "panti_admin", panti: "JB-DEMO-BDG" },
  { username: "admin.bks", name: "Lilis Suryani", role: "panti_admin", panti: "JB-DEMO-BKS" },
];

export interface JabarDemoPlan {
  panti: (typeof schema.panti.$inferInsert)[];
  rooms: (typeof schema.rooms.$inferInsert)[];
  beds: (typeof schema.beds.$inferInsert)[];
  persons: (typeof schema.persons.$inferInsert)[];
  stays: (typeof schema.stays.$inferInsert)[];
  bedAssignments: (typeof schema.bedAssignments.$inferInsert)[];
  users: (Omit<typeof schema.users.$inferInsert, "passwordHash">)[];
  logins: { username: string; role: Role; panti: string | null }[];
}

/** The rows of the Jawa Barat demo registry as of `now` (deterministic). */
export function planJabarDemo(now: number): JabarDemoPlan {
  const setupAt = new Date(now - 365 * DAY);
  const plan: JabarDemoPlan = { panti: [], rooms: [], beds: [], persons: [], stays: [], bedAssignments: [], users: [], logins: [] };
  const pantiId = new Map<string, number>();
  PANTI.forEach((p, i) => {
    const id = i + 1;
    pantiId.set(p.code, id);
    plan.panti.push({
      id,
      code: p.code,
      name: p.name,
      type: p.type,
      kind: "upt",
      targetGroup: p.targetGroup,
      targetCategories: p.targetCategories,
      sexServed: "any",
      kota: p.kota,
      address: `Alamat rekaan, ${p.kota} (data demo)`,
      declaredCapacity: WARDS.length * BEDS_PER_WARD,
      capacityEstimated: true,
      source: "Data demo instans Jawa Barat (rekaan, bukan data resmi)",
      active: true,
      createdAt: setupAt,
    });
    for (const ward of WARDS) {
      const roomId = plan.rooms.length + 1;
      plan.rooms.push({ id: roomId, pantiId: id, name: ward.name, sex: ward.sex, createdAt: setupAt });
      for (let b = 1; b <= BEDS_PER_WARD; b++) {
        plan.beds.push({ id: plan.beds.length + 1, pantiId: id, roomId, label: `${ward.sex === "male" ? "A" : "B"}-${String(b).padStart(2, "0")}`, status: "available", overflow: false, createdAt: setupAt });
      }
    }
  });
  RESIDENTS.forEach((r, i) => {
    const id = i + 1;
    const home = pantiId.get(r.panti)!;
    const admittedAt = new Date(now - r.admittedDaysAgo * DAY);
    plan.persons.push({
      id,
      name: r.name,
      sex: r.sex,
      birthYear: r.birthYear,
      estimatedBirthYear: r.birthYear,
      originProvince: "Jawa Barat",
      originCity: r.originCity,
      ppksCategory: r.ppksCategory,
      disabilitySubtypes: [],
      createdAt: admittedAt,
    });
    plan.stays.push({ id, personId: id, pantiId: home, admittedAt, currentStage: r.stage, createdAt: admittedAt });
    // The first free bed of the resident's ward in their panti.
    const taken = new Set(plan.bedAssignments.map((a) => a.bedId));
    const ward = plan.rooms.find((room) => room.pantiId === home && room.sex === r.sex)!;
    const bed = plan.beds.find((b) => b.roomId === ward.id && !taken.has(b.id!))!;
    plan.bedAssignments.push({ id, stayId: id, bedId: bed.id!, fromAt: admittedAt });
  });
  USERS.forEach((u, i) => {
    plan.users.push({
      id: i + 1,
      username: u.username,
      name: u.name,
      role: u.role,
      pantiId: u.panti === null ? null : pantiId.get(u.panti)!,
      outreachUnit: null,
      active: true,
      mustChangePassword: false,
      lastLoginAt: null,
      createdAt: setupAt,
    });
    plan.logins.push({ username: u.username, role: u.role, panti: u.panti });
  });
  return plan;
}
