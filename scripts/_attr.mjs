// per-source raw bytes of minified output, and gzip of each source's concatenated segments
import { build } from 'vite';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map';
await build({configFile:false,logLevel:'warn',plugins:[minifyLiterals()],build:{outDir:'/tmp/sz/out2',emptyOutDir:true,sourcemap:true,target:'es2021',minify:'terser',terserOptions:{ecma:2020,module:true,compress:{passes:2}},lib:{entry:'src/entry-script.ts',formats:['iife'],fileName:()=>'o.js',name:'x'}}});
const code=readFileSync('/tmp/sz/out2/o.js','utf8');const map=JSON.parse(readFileSync('/tmp/sz/out2/o.js.map','utf8'));
const lines=code.split('\n');const by={};
await SourceMapConsumer.with(map,null,c=>{const segs=[];c.eachMapping(m=>segs.push(m));
for(let i=0;i<segs.length;i++){const m=segs[i],n=segs[i+1];if(n&&n.generatedLine!==m.generatedLine)continue;const end=n?n.generatedColumn:lines[m.generatedLine-1].length;const src=(m.source||'?').replace(/.*node_modules\//,'nm/').replace(/.*src\//,'src/');by[src]=(by[src]||'')+lines[m.generatedLine-1].slice(m.generatedColumn,end);}});
const total=gzipSync(code,{level:9}).length;console.log('total gzip',total,'raw',code.length);
const rows=Object.entries(by).map(([k,v])=>[k,v.length,gzipSync(v,{level:9}).length]).sort((a,b)=>b[1]-a[1]);
for(const r of rows)console.log(String(r[1]).padStart(6),String(r[2]).padStart(6),r[0]);
