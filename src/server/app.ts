import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { registerAuthentication } from './platform/auth/hook';
import { LoginThrottle } from './platform/auth/throttle';
import type { Config } from './platform/config';
import type { Database } from './platform/db/database';
import { errorHandler, errors, sendProblem } from './platform/errors';
import { registerInputGuard } from './platform/input';
import { adminUnitRoutes } from './modules/admin-units/routes';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { healthRoutes } from './modules/health/routes';
import { organisationRoutes } from './modules/organisations/routes';
import { userRoutes } from './modules/users/routes';
import { loadSessionActor } from './modules/users/service';
import { assessmentRoutes } from './modules/assessments/routes';
import { householdRoutes } from './modules/households/routes';
import { registryExcelRoutes } from './modules/registry-excel/routes';
import { reviewRoutes } from './modules/reviews/routes';
import { povertyRoutes } from './modules/poverty/routes';
import { supportRoutes } from './modules/support/routes';
import { targetingRoutes } from './modules/support/targeting-routes';
import { systemRoutes } from './modules/system/routes';
import { villageRoutes } from './modules/villages/routes';
import { fundRoutes } from './modules/fund/routes';
import { pledgeRoutes } from './modules/fund/pledge-routes';
import { donorMergeRoutes } from './modules/fund/donor-merge-routes';
import { statementRoutes } from './modules/fund/statement-routes';
import { legalDocumentRoutes } from './modules/legal-documents/routes';
import { coordinationRoutes } from './modules/coordination/routes';
import { activityRoutes } from './modules/activities/routes';
import { supervisionRoutes } from './modules/supervision/routes';
import { emulationRoutes } from './modules/emulation/routes';
import { programmeReviewRoutes } from './modules/programme-reviews/routes';
import { modelRoutes } from './modules/models/routes';
import { attachmentRoutes } from './modules/attachments/routes';
import { newsRoutes } from './modules/news/routes';
import type { Logger } from './platform/logger';
import { APP_VERSION } from './platform/version';

// Validation messages in Vietnamese by default; the error handler adds the English text.
z.config(z.locales.vi());

export interface AppOptions {
  database: Database;
  config: Pick<Config, 'sessionHours' | 'webDir'> & Partial<Pick<Config, 'trustProxy'>>;
  throttle?: LoginThrottle;
  /** Omitted in tests: no request logging. */
  logger?: Logger;
}

export async function buildApp({ database, config, throttle, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger as FastifyBaseLogger } : { logger: false }),
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
    trustProxy: config.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, errors.notFound('đường dẫn này', 'This path')),
  );

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Chung Tay API', version: APP_VERSION, description: 'Nền tảng phối hợp giảm nghèo bền vững' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'chungtay_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The documentation is public; the hook must exist before the UI plugin adds its routes.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true };
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  const db = database.db;
  registerAuthentication(app, db, config.sessionHours, loadSessionActor);
  registerInputGuard(app);
  await app.register(healthRoutes, { database });
  await app.register(authRoutes, { db, sessionHours: config.sessionHours, throttle: throttle ?? new LoginThrottle() });
  await app.register(adminUnitRoutes, { db });
  await app.register(villageRoutes, { db });
  await app.register(organisationRoutes, { db });
  await app.register(userRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(systemRoutes, { database });
  await app.register(povertyRoutes, { db });
  await app.register(householdRoutes, { db });
  await app.register(registryExcelRoutes, { db });
  await app.register(supportRoutes, { db });
  await app.register(targetingRoutes, { db });
  await app.register(assessmentRoutes, { db });
  await app.register(fundRoutes, { db });
  await app.register(pledgeRoutes, { db });
  await app.register(donorMergeRoutes, { db });
  await app.register(statementRoutes, { db });
  await app.register(legalDocumentRoutes, { db });
  await app.register(coordinationRoutes, { db });
  await app.register(activityRoutes, { db });
  await app.register(supervisionRoutes, { db });
  await app.register(emulationRoutes, { db });
  await app.register(programmeReviewRoutes, { db });
  await app.register(reviewRoutes, { db });
  await app.register(modelRoutes, { db });
  await app.register(attachmentRoutes, { db });
  await app.register(newsRoutes, { db });

  await serveWebApp(app, config.webDir);
  return app;
}

/** The built React app, with client-side routes falling back to index.html. */
async function serveWebApp(app: FastifyInstance, webDir: string) {
  if (!fs.existsSync(`${webDir}/index.html`)) return;
  await app.register(fastifyStatic, { root: webDir, wildcard: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/'))
      return sendProblem(reply, request, errors.notFound('đường dẫn này', 'This path'));
    return reply.sendFile('index.html');
  });
}
