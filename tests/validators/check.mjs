// The JavaScript side of dactylo's schema agreement test: Ajv (pinned by the test) in strict
// mode, draft 2020-12, formats not asserted, as it runs by default.
//
//     node check.mjs DIR    for each NAME.schema.json in DIR, judge every instance of the JSON
//                           list NAME.instances.json; print {NAME: [true | false, ...]} as JSON

import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const directory = process.argv[2];
// Ajv is installed beside the instances, not beside this script.
const require = createRequire(resolve(directory, "..", "node", "package.json"));
const Ajv2020 = require("ajv/dist/2020").default;

const SUFFIX = ".schema.json";
const verdicts = {};
for (const file of readdirSync(directory).filter((file) => file.endsWith(SUFFIX)).sort()) {
  const name = file.slice(0, -SUFFIX.length);
  const ajv = new Ajv2020({ strict: true, validateFormats: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(directory, file), "utf8")));
  const instances = JSON.parse(readFileSync(join(directory, name + ".instances.json"), "utf8"));
  verdicts[name] = instances.map((instance) => validate(instance));
}
process.stdout.write(JSON.stringify(verdicts));
