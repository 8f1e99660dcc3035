// The SQL the product's list endpoints send, for the bare Fastify + pg baseline: the floors overview
// as FloorsRepository.findOverviewPage writes it; the invoices page and its count as TypeORM writes
// them for InvoicesRepository.findPage (columns selected explicitly, the same filter, order and limit).
export const FLOORS_SQL = `SELECT f.id, f.building_id, f.level, f.name, f.theme,
              coalesce(s.lettable_area_m2, 0) AS lettable_area_m2,
              coalesce(s.spaces, '[]'::json) AS spaces,
              g.application_id AS group_id, g.group_name,
              count(*) OVER ()::int AS total
         FROM floor f
         LEFT JOIN LATERAL (
           SELECT x.application_id, x.group_name FROM floor_current_group x WHERE x.floor_id = f.id
         ) g ON TRUE
         LEFT JOIN LATERAL (
           SELECT sum(sp.area_m2) AS lettable_area_m2,
                  json_agg(json_build_object('id', sp.space_id, 'code', sp.code, 'areaM2', sp.area_m2,
                                             'use', sp.use, 'publicCounter', sp.public_counter) ORDER BY sp.code) AS spaces
             FROM space_placement sp WHERE sp.floor_id = f.id
         ) s ON TRUE
        WHERE f.building_id = $1
        ORDER BY f.level
        LIMIT $2 OFFSET $3`;

export const INVOICES_SQL = `SELECT * FROM invoice WHERE building_id = $1 AND period = $2 ORDER BY number ASC LIMIT $3 OFFSET $4`;

export const INVOICES_COUNT_SQL = `SELECT count(DISTINCT id) AS n FROM invoice WHERE building_id = $1 AND period = $2`;
