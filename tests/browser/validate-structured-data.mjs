// Adobe's structured-data validator on built pages, for tests/crawlers/test_crawl_structured_data.py:
// each HTML file named on standard input (one path a line) is parsed by @marbec/web-auto-extractor,
// as the validator expects, and checked against Google's rich-result rules and the schema.org
// vocabulary given as the first argument. Prints one JSON object: {path: [issue, ...]}.
import { readFileSync } from 'node:fs';
import WebAutoExtractor from '@marbec/web-auto-extractor';
import Validator from '@adobe/structured-data-validator';

const [schemaPath] = process.argv.slice(2);
const validator = new Validator(JSON.parse(readFileSync(schemaPath, 'utf8')));
const paths = readFileSync(0, 'utf8').split('\n').filter(Boolean);
const report = {};
for (const path of paths) {
  const html = readFileSync(path, 'utf8');
  const extracted = new WebAutoExtractor({ addLocation: true, embedSource: ['rdfa', 'microdata'] }).parse(html);
  const issues = await validator.validate(extracted);
  report[path] = {
    types: Object.keys(extracted.jsonld || {}),
    issues: issues.map(({ severity, issueMessage, fieldNames, rootType }) => ({ severity, issueMessage, fieldNames, rootType })),
  };
}
process.stdout.write(JSON.stringify(report));
