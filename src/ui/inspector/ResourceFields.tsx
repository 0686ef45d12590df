// The fields of Argo's resource template around the manifest: what to do
// with the object (action), when the step succeeds or fails (conditions on
// the object's status, checked as Argo's label-selector parser reads them),
// and whether the object is deleted with the workflow (setOwnerReference).
import { useId } from 'react';
import { RESOURCE_ACTIONS } from '../../core/config/configKeys';
import {
  resourceFieldProblem,
  setResourceField,
  type ResourceField,
  type ResourceView,
} from '../../core/model/resourceFields';
import { TextField } from './fields';
import type { ResourceEdit } from './useResourceEdit';

interface Props {
  view: ResourceView;
  edit: ResourceEdit;
}

const set = (edit: ResourceEdit, field: ResourceField, value: string | boolean) =>
  edit((p, t) => setResourceField(p, t, field, value));

/** Success and failure conditions; `success`/`failure` are the suggested defaults. */
export function ConditionFields({
  view,
  edit,
  success,
  failure,
}: Props & { success?: string; failure?: string }) {
  const field = (
    name: 'successCondition' | 'failureCondition',
    label: string,
    example?: string,
  ) => (
    <TextField
      label={label}
      name={name}
      value={view[name]}
      placeholder={example ?? 'status.phase == Running'}
      check={(v) => resourceFieldProblem(name, v)}
      hint={
        view[name] === '' && example !== undefined
          ? `Empty; the usual one is ${example}`
          : undefined
      }
      onCommit={(v) => set(edit, name, v)}
    />
  );
  return (
    <fieldset>
      <legend>Conditions</legend>
      {field('successCondition', 'Success condition', success)}
      {field('failureCondition', 'Failure condition', failure)}
      <div className="field-hint">
        Without a success condition the step succeeds as soon as the object is created.
      </div>
    </fieldset>
  );
}

/** Action and owner reference, and the conditions unless the Spark form shows them. */
export function ResourceFields({
  view,
  edit,
  conditions = true,
}: Props & { conditions?: boolean }) {
  const id = useId();
  const known = (RESOURCE_ACTIONS as readonly string[]).includes(view.action);
  return (
    <>
      <fieldset>
        <legend>Resource</legend>
        <div className="field">
          <label htmlFor={id}>Action</label>
          <select
            id={id}
            name="resource-action"
            value={view.action}
            onChange={(e) => set(edit, 'action', e.target.value)}
          >
            {!known && <option value={view.action}>{view.action || '(none)'}</option>}
            {RESOURCE_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="resource-owner"
              checked={view.setOwnerReference}
              onChange={(e) => set(edit, 'setOwnerReference', e.target.checked)}
            />
            Delete the object with the workflow (setOwnerReference)
          </label>
        </div>
      </fieldset>
      {conditions && <ConditionFields view={view} edit={edit} />}
    </>
  );
}
