// An HTTP step: the request Argo's agent makes and when it counts as success.
import { scalarText } from '../../../core/model/fieldChecks';
import {
  httpFieldProblem,
  httpHeaderLines,
  httpHeaderProblem,
  setHttpField,
  setHttpHeaders,
  type HttpField,
} from '../../../core/model/httpFields';
import { isObject, type Template } from '../../../core/model/types';
import { TextField } from '../fields';
import { Section } from './Section';
import { useChecked } from './useChecked';

export function HttpSection({ template }: { template: Template }) {
  const apply = useChecked();
  const http = isObject(template.http) ? template.http : {};
  const field = (name: HttpField, label: string, placeholder: string, multiline = false) => (
    <TextField
      label={label}
      name={`http-${name}`}
      multiline={multiline}
      value={scalarText(http[name])}
      placeholder={placeholder}
      check={(v) => httpFieldProblem(name, v)}
      onCommit={(v) => apply((p) => setHttpField(p, template.name, name, v))}
    />
  );
  return (
    <Section title="HTTP request" scope="template" open>
      {field('url', 'URL', 'https://example.com/api')}
      {field('method', 'Method', 'GET')}
      <TextField
        label="Headers (Name: value a line)"
        name="http-headers"
        multiline
        value={httpHeaderLines(http.headers)}
        placeholder="Content-Type: application/json"
        check={httpHeaderProblem}
        onCommit={(v) => apply((p) => setHttpHeaders(p, template.name, v))}
      />
      {field('body', 'Body', '', true)}
      {field('successCondition', 'Success condition', 'response.statusCode == 200')}
      {field('timeoutSeconds', 'Timeout (seconds)', '30')}
    </Section>
  );
}
