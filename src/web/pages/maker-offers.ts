import type { Principal } from '../../common/auth/principal.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import type { ApplicationsService } from '../../modules/applications/applications.service.js';
import type { FloorOffer } from '../../modules/applications/application.entity.js';
import type { BuildingsService } from '../../modules/buildings/buildings.service.js';
import type { FloorsService } from '../../modules/floors/floors.service.js';

/** An open offer as the maker reads it: which floor of which building, how large, and by when to answer. */
export interface OfferView {
  offer: FloorOffer;
  groupName: string;
  buildingName: string;
  floorLevel: number;
  floorName: string | null;
  areaM2: number;
}

/** The open offers to the maker's groups, each with its floor, the floor's lettable area and its building. */
export async function openOffersOf(
  principal: Principal,
  services: { applications: ApplicationsService; floors: FloorsService; buildings: BuildingsService },
): Promise<OfferView[]> {
  const { items: offers } = await services.applications.listOffers({ mine: true, status: 'open' }, principal, {
    limit: MAX_PAGE_LIMIT,
    offset: 0,
  });
  return Promise.all(
    offers.map(async (offer) => {
      const floor = await services.floors.getVisible(offer.floorId, principal);
      const [building, overview, application] = await Promise.all([
        services.buildings.getVisible(floor.buildingId, principal),
        services.floors.listOverview(floor.buildingId, principal, { limit: MAX_PAGE_LIMIT, offset: 0 }),
        services.applications.getVisible(offer.applicationId, principal),
      ]);
      return {
        offer,
        groupName: application.groupName,
        buildingName: building.name,
        floorLevel: floor.level,
        floorName: floor.name,
        areaM2: overview.items.find((item) => item.id === floor.id)?.lettableAreaM2 ?? 0,
      };
    }),
  );
}
