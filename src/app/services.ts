import type { Clock } from '../clock';
import type { ChatDefaults, Installer, ReachStore } from './reach';
import type { InstallJobStore } from './install-all';
import type {
  ClaimStore,
  DraftRepository,
  ExportStore,
  FeedbackStore,
  TariffStore,
  JobStore,
  LoadStore,
  SettingStore,
  StatsStore,
  OfferStore,
  OrderRepository,
  PersonRepository,
  PrivacyStore,
  RegisterRepository,
} from './ports';

export interface OfferSettings {
  /** How many experts get an offer at once (SPEC §4: K, default 5). */
  waveSize: number;
  /** How long a wave stays open before the next one (default 24 h; shorter for near tasks). */
  offerWindowMs: number;
}

/** What every use case may need; built once in main.ts (or by a test). */
export interface Services {
  registers: RegisterRepository;
  people: PersonRepository;
  orders: OrderRepository;
  drafts: DraftRepository;
  offers: OfferStore;
  jobs: JobStore;
  loads: LoadStore;
  settings: SettingStore;
  claims: ClaimStore;
  tariffs: TariffStore;
  exports: ExportStore;
  feedback: FeedbackStore;
  /** Erasure and retention (SPEC §13). */
  privacy: PrivacyStore;
  /** Running counts for `/stats` (SPEC §6). */
  stats: StatsStore;
  clock: Clock;
  bootstrapCoordinators: readonly string[];
  offerSettings: OfferSettings;
  /** Called after a commit that left effects to carry out (the work runner drains them). */
  afterCommit: (id: string) => void;
  /** Where the bot is reached from outside (export links). */
  publicUrl: string;
  /** The full privacy notice (SPEC §12), named in the first message anyone gets. */
  privacyUrl?: string;
  /** Proactive installation through Graph (SPEC §12); absent when GRAPH_INSTALL is off. */
  reach?: Reach;
}

export interface Reach {
  store: ReachStore;
  /** Install for all: the current job and its people (SPEC §12). */
  installJobs: InstallJobStore;
  installer: Installer;
  defaults: ChatDefaults;
}
