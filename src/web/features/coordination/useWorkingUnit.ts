import { useArea } from '../area/AreaContext';
import { useUser } from '../auth/session';

/** The unit new records are made at: the commune picked in the area picker, else the province. */
export function useWorkingUnit(): string | null {
  const { area } = useArea();
  return area.communeCode ?? area.provinceCode;
}

/** Officers and administrators record coordination work (the server decides for each record). */
export function useCanManageCoordination(): boolean {
  const user = useUser();
  return user.roles.includes('officer') || user.roles.includes('admin');
}
