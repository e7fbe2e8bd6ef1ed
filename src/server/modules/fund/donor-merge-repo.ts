import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import type { Executor } from '../../platform/db/database';
import { donorsOfUnit, donorsReadable, givenColumns, givenToFund, type FundRow } from './repo';
import { fundDonors } from './tables';

/**
 * How the same name is usually written differently: organisation forms spelt out or abbreviated
 * ("Cty" for "Công ty", "TNHH" for "trách nhiệm hữu hạn"), a courtesy title before a person's
 * name ("Ông", "Bà"). Patterns over the folded name (PostgreSQL regular expressions, \m \M word
 * edges); each form is brought to one spelling.
 */
const NAME_FORMS: readonly [pattern: string, spelling: string][] = [
  ['\\m(cty|c ty)\\M', 'cong ty'],
  ['\\mtrach nhiem huu han\\M', 'tnhh'],
  ['\\mco phan\\M', 'cp'],
  ['\\mdoanh nghiep tu nhan\\M', 'dntn'],
  ['\\mhop tac xa\\M', 'htx'],
  ['^(ong|ba) ', ''],
];

/**
 * A donor's name as compared for likely duplicates: accents folded and lower case (as search
 * does), anything but letters and digits a single space, the usual forms spelt one way.
 * "Cty TNHH Minh Phát" and "CÔNG TY TNHH MINH PHÁT." give the same key.
 */
export function donorNameKey(name: SQLWrapper): SQL<string> {
  const words = sql`trim(regexp_replace(lower(unaccent(coalesce(${name}, ''))), '[^a-z0-9]+', ' ', 'g'))`;
  const spelt = NAME_FORMS.reduce(
    (text, [pattern, spelling]) => sql`regexp_replace(${text}, ${pattern}, ${spelling}, 'g')`,
    words,
  );
  return sql<string>`trim(${spelt})`;
}

/**
 * The rows a merge reads, locked in id order so that two merges crossing each other wait rather
 * than deadlock: the duplicate (the path's donor, in the user's area), the donor named to keep and
 * the survivor that one was itself merged into — the last two only when of the duplicate's unit.
 */
export function lockForMerge(tx: Executor, id: string, intoId: string, scope: AreaScope) {
  const unitOf = sql`(select d.province_code, coalesce(d.commune_code, '') from fund_donors d where d.id = ${id})`;
  return tx
    .select()
    .from(fundDonors)
    .where(
      and(
        or(
          eq(fundDonors.id, id),
          eq(fundDonors.id, intoId),
          sql`${fundDonors.id} = (select d.merged_into from fund_donors d where d.id = ${intoId})`,
        ),
        donorsReadable(scope),
        sql`(${fundDonors.provinceCode}, coalesce(${fundDonors.communeCode}, '')) = ${unitOf}`,
      ),
    )
    .orderBy(asc(fundDonors.id))
    .for('update');
}

/**
 * The duplicates merged into `from` follow it to `to`, so that no merge points at a merged donor:
 * those the caller's area may read (a merge stays within one unit, so that is all of them).
 */
export function moveMerged(tx: Executor, from: string, to: string, scope: AreaScope) {
  return tx
    .update(fundDonors)
    .set({ mergedInto: to, updatedAt: new Date(), version: sql`${fundDonors.version} + 1` })
    .where(and(eq(fundDonors.mergedInto, from), donorsReadable(scope)))
    .returning();
}

/** The duplicates merged into each of these donors. */
export function mergedInto(db: Executor, survivorIds: string[]) {
  if (survivorIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: fundDonors.id,
      name: fundDonors.name,
      version: fundDonors.version,
      mergedInto: fundDonors.mergedInto,
    })
    .from(fundDonors)
    .where(inArray(fundDonors.mergedInto, survivorIds))
    .orderBy(asc(fundDonors.name), asc(fundDonors.id));
}

/**
 * The named donors of a fund's unit (not merged) that share their name key with another, by key,
 * the biggest giver first; at most `groups` keys.
 */
export async function likelyDuplicates(
  db: Executor,
  fund: Pick<FundRow, 'id' | 'provinceCode' | 'communeCode'>,
  groups: number,
) {
  // Each name's key computed once (a CTE used twice is materialised): joining on the expression
  // would compute it for every pair of donor and key.
  const keyed = db.$with('keyed').as(
    db
      .select({ id: sql<string>`${fundDonors.id}`.as('keyed_id'), key: donorNameKey(fundDonors.name).as('name_key') })
      .from(fundDonors)
      .where(
        and(
          donorsOfUnit(fund),
          isNull(fundDonors.mergedInto),
          ne(fundDonors.kind, 'anonymous'),
          isNotNull(fundDonors.name),
        ),
      ),
  );
  // Aliases distinct across the query: drizzle writes a subquery's columns unqualified.
  const shared = db
    .select({ key: sql<string>`${keyed.key}`.as('shared_key') })
    .from(keyed)
    .groupBy(keyed.key)
    .having(sql`count(*) > 1`)
    .orderBy(keyed.key)
    .limit(groups)
    .as('shared');
  const given = givenToFund(db, fund.id);
  const gave = givenColumns(given);
  return db
    .with(keyed)
    .select({ key: shared.key, donor: fundDonors, ...gave })
    .from(keyed)
    .innerJoin(shared, eq(shared.key, keyed.key))
    .innerJoin(fundDonors, eq(fundDonors.id, keyed.id))
    .leftJoin(given, eq(given.donorId, fundDonors.id))
    .orderBy(asc(shared.key), desc(gave.given), asc(fundDonors.id));
}
