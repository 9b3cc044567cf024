import { API_DEFINITIONS } from '../apis';
import { loadDocApi } from '../src/docs/model/contract-model';
import { examplePrograms } from '../src/docs/model/example-programs';
import { shellLines } from '../src/docs/render/code/shell';
import { javascriptProgram } from '../src/docs/render/code/javascript';
import { pythonProgram } from '../src/docs/render/code/python';
import { javaProgram } from '../src/docs/render/code/java';
const caller = { base: 'http://127.0.0.1:8081', clientId: 'sandbox-demo-client', clientSecret: 'sandbox-demo-secret-change-me' };
const want = process.argv[2];
for (const d of API_DEFINITIONS) for (const ps of examplePrograms(loadDocApi(d)).values()) for (const p of ps) if (p.id === want) {
  console.log(shellLines(p).join('\n')); console.log('-----'); console.log(javascriptProgram(p, caller)); console.log('-----'); console.log(pythonProgram(p, caller)); console.log('-----'); console.log(javaProgram(p, caller));
}
