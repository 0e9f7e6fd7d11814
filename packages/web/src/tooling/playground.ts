/**
 * `pnpm playground`: builds the browser bundles and the playground script from source, serves
 * the repository on 127.0.0.1 and prints the playground's URL. PORT chooses the port (default:
 * any free one). Stop it with Ctrl+C.
 */
import { buildBrowserBundles, formatSizes, REPOSITORY_ROOT } from './build-bundles.js';
import { startStaticServer } from './static-server.js';

const HOME = '/packages/web/playground/';

try {
  console.log(formatSizes(await buildBrowserBundles()));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const requested = Number(process.env['PORT'] ?? 0);
if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
  console.error(`PORT must be a port number from 0 to 65535 (0: any free port), not "${process.env['PORT']}".`);
  process.exit(1);
}
try {
  const server = await startStaticServer({ root: REPOSITORY_ROOT, port: requested, home: HOME });
  console.log(`\nPlayground / Thử nghiệm tệp quy tắc: ${server.origin}${HOME}`);
  console.log(`Embedding example / Ví dụ nhúng:       ${server.origin}/examples/web-embed/`);
  console.log('Ctrl+C to stop / Ctrl+C để dừng.');
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${requested} is in use: choose another with PORT=…, or PORT=0 for any free port.`
      : String(error),
  );
  process.exit(1);
}
