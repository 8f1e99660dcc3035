import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { User } from './user.entity.js';

export interface TokenState {
  tokenVersion: number;
  disabled: boolean;
}

/** How long a user's token state is kept between requests. */
const TOKEN_STATE_TTL_MS = 1000;
/** Longer than a transaction that changes a user takes to commit. */
const CHANGE_SETTLES_MS = 10_000;
const TOKEN_STATES_KEPT = 10_000;

export type NewUser = Pick<User, 'email' | 'passwordHash' | 'name' | 'role' | 'organisationId' | 'tenantId'>;

@Injectable()
export class UsersRepository {
  private readonly tokenStates = new Map<string, { state: TokenState | null; until: number }>();
  /** Users changed lately, until when: their state is read afresh each time. */
  private readonly changing = new Map<string, number>();

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async insert(values: NewUser, manager?: EntityManager): Promise<User> {
    const repository = manager?.getRepository(User) ?? this.users;
    return repository.save(repository.create(values));
  }

  /** Inserts the first admin only while the table is empty; concurrent boots create one. */
  async insertIfNoUsers(values: NewUser): Promise<boolean> {
    const rows: unknown[] = await this.users.query(
      `INSERT INTO app_user (email, password_hash, name, role)
       SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM app_user)
       ON CONFLICT (email) DO NOTHING
       RETURNING id`,
      [values.email, values.passwordHash, values.name, values.role],
    );
    return rows.length > 0;
  }

  /**
   * A tenant's first user, unless the tenant has one or the address is taken (then null): written
   * without a conflict error, so the caller's transaction goes on.
   */
  async insertTenantUserIfAbsent(manager: EntityManager, values: NewUser & { tenantId: string }): Promise<User | null> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO app_user (email, password_hash, name, role, tenant_id)
       SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE tenant_id = $5)
       ON CONFLICT (email) DO NOTHING
       RETURNING id`,
      [values.email, values.passwordHash, values.name, values.role, values.tenantId],
    );
    return rows[0] ? manager.getRepository(User).findOneBy({ id: rows[0].id }) : null;
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /**
   * Asked on every authenticated request, so kept for TOKEN_STATE_TTL_MS: this process forgets a
   * user's entry the moment it changes the user (its own revocations take effect at once); another
   * API process sees a revocation within that time.
   */
  async tokenStateOf(id: string): Promise<TokenState | null> {
    const cached = this.tokenStates.get(id);
    if (cached && cached.until > Date.now()) return cached.state;
    const [row] = await this.users.query<{ token_version: number; disabled: boolean }[]>(
      `SELECT token_version, disabled_at IS NOT NULL AS disabled FROM app_user WHERE id = $1`,
      [id],
    );
    const state = row ? { tokenVersion: row.token_version, disabled: row.disabled } : null;
    if ((this.changing.get(id) ?? 0) > Date.now()) return state;
    if (this.tokenStates.size >= TOKEN_STATES_KEPT) this.tokenStates.clear();
    this.tokenStates.set(id, { state, until: Date.now() + TOKEN_STATE_TTL_MS });
    return state;
  }

  /**
   * A change of the user is written in a transaction that has not committed yet: what is read until
   * then is the old state, so for a while nothing read of this user is kept.
   */
  private forgetTokenState(id: string): void {
    this.tokenStates.delete(id);
    this.changing.set(id, Date.now() + CHANGE_SETTLES_MS);
    if (this.changing.size >= TOKEN_STATES_KEPT) this.changing.clear();
  }

  async disable(id: string): Promise<User | null> {
    this.forgetTokenState(id);
    await this.users.query(
      `UPDATE app_user SET disabled_at = coalesce(disabled_at, now()), token_version = token_version + 1 WHERE id = $1`,
      [id],
    );
    return this.findById(id);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.users.manager.transaction(work);
  }

  /** Locks the user for the caller's transaction, so two corrections of it take turns. */
  lock(manager: EntityManager, id: string): Promise<User | null> {
    return manager.getRepository(User).createQueryBuilder('user').setLock('pessimistic_write').where('user.id = :id', { id }).getOne();
  }

  /**
   * Writes the change; one that alters what a token carries (role, organisation, tenant) also raises
   * the token version, so tokens issued before end at once.
   */
  async update(
    manager: EntityManager,
    id: string,
    change: Partial<Pick<User, 'email' | 'name' | 'role' | 'organisationId' | 'tenantId' | 'passwordHash'>>,
    endTokens: boolean,
  ): Promise<void> {
    this.forgetTokenState(id);
    await manager.getRepository(User).update({ id }, endTokens ? { ...change, tokenVersion: () => 'token_version + 1' } : change);
  }

  async setLanguage(id: string, language: 'nl' | 'en'): Promise<void> {
    await this.users.update({ id }, { language });
  }

  /** Refused by a foreign key while anything refers to it; the user's tokens end with its row. */
  async delete(manager: EntityManager, id: string): Promise<void> {
    this.forgetTokenState(id);
    await manager.getRepository(User).delete({ id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  async findPage(page: { limit: number; offset: number }): Promise<Page<User>> {
    const [items, total] = await this.users.findAndCount({ order: { email: 'ASC' }, take: page.limit, skip: page.offset });
    return { items, total };
  }
}
