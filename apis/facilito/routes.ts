import type { RouteDefinition } from '../../src/routing/types';
import type { FacilitoPorts } from './ports';
import { RESULTADO } from './results';

/** Facilito's route table: one row per operation. */
export const facilitoRoutes: RouteDefinition<FacilitoPorts>[] = [
  {
    operationId: 'getCustomerAccount',
    method: 'get',
    path: '/v1/customers/{Cedula}/account',
    async handle({ params, ports, call }) {
      const acct = await ports.cash.mainAccount(params.Cedula, call);
      return {
        status: 200,
        body: {
          Resultado: RESULTADO.OK,
          Mensaje: 'Transaccion OK',
          Identificacion: acct.holderId,
          IDcuenta: acct.acctId,
          NombreTitular: acct.holderName,
          Descripcion: acct.description,
        },
      };
    },
  },
];
