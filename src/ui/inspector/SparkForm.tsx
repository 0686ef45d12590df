// The SparkApplication form of a resource task: application (type, mode,
// image, main class and file, arguments, Spark version, sparkConf), driver
// and executor sizes, and the step's success and failure conditions. Each
// field is checked as you type against the CRD's rules and commits on blur;
// the manifest is rewritten keeping every key the form does not show.
import { useId } from 'react';
import { SPARK_MODES, SPARK_TYPES } from '../../core/config/configKeys';
import { SPARK_FAILURE_CONDITION, SPARK_SUCCESS_CONDITION } from '../../core/config/paletteTypes';
import {
  setSparkFields,
  sparkFieldProblem,
  sparkFields,
  type ResourceView,
} from '../../core/model/resourceFields';
import type { SparkPatch, SparkTextField } from '../../core/model/sparkValues';
import {
  checkRecordLines,
  linesToList,
  linesToRecord,
  listToLines,
  recordToLines,
  TextField,
} from './fields';
import { ConditionFields } from './ResourceFields';
import type { ResourceEdit } from './useResourceEdit';

interface SparkFormProps {
  view: ResourceView;
  edit: ResourceEdit;
}

export function SparkForm({ view, edit }: SparkFormProps) {
  const values = sparkFields(view.object);
  const patch = (p: SparkPatch) => edit((q, t) => setSparkFields(q, t, p));
  const text = (field: SparkTextField, label: string, placeholder?: string, hint?: string) => (
    <TextField
      label={label}
      name={`spark-${field}`}
      value={values[field]}
      placeholder={placeholder}
      hint={hint}
      check={(v) => sparkFieldProblem(field, v, view.object)}
      onCommit={(v) => patch({ [field]: v })}
    />
  );
  const jvm = values.type === 'Scala' || values.type === 'Java';
  return (
    <div className="spark-form" data-testid="spark-form">
      <fieldset>
        <legend>Application</legend>
        <div className="spark-row">
          <Choice
            label="Type"
            name="spark-type"
            value={values.type}
            options={SPARK_TYPES}
            onChange={(v) => patch({ type: v })}
          />
          <Choice
            label="Mode"
            name="spark-mode"
            value={values.mode}
            options={SPARK_MODES}
            empty="(operator default: cluster)"
            onChange={(v) => patch({ mode: v })}
          />
        </div>
        {text('image', 'Image', 'apache/spark:3.5.1')}
        {text(
          'mainClass',
          'Main class',
          jvm ? 'org.apache.spark.examples.SparkPi' : undefined,
          jvm || values.mainClass === '' ? undefined : 'Used by Java and Scala applications only.',
        )}
        {text('mainApplicationFile', 'Main application file', 'local:///opt/spark/app.jar')}
        <TextField
          label="Arguments (one a line)"
          name="spark-arguments"
          multiline
          value={listToLines(values.arguments)}
          onCommit={(v) => patch({ arguments: linesToList(v) })}
        />
        {text('sparkVersion', 'Spark version', '3.5.1')}
        <TextField
          label="sparkConf (KEY=value a line)"
          name="spark-sparkConf"
          multiline
          value={recordToLines(values.sparkConf)}
          placeholder="spark.sql.shuffle.partitions=64"
          check={checkRecordLines}
          onCommit={(v) => patch({ sparkConf: linesToRecord(v) })}
        />
      </fieldset>
      <fieldset>
        <legend>Driver</legend>
        <div className="spark-row">
          {text('driverCores', 'Cores', '1')}
          {text('driverMemory', 'Memory', '512m')}
        </div>
        {text('driverServiceAccount', 'Service account', 'spark-operator-spark')}
      </fieldset>
      <fieldset>
        <legend>Executors</legend>
        <div className="spark-row">
          {text('executorInstances', 'Instances', '1')}
          {text('executorCores', 'Cores', '1')}
          {text('executorMemory', 'Memory', '512m')}
        </div>
      </fieldset>
      <ConditionFields
        view={view}
        edit={edit}
        success={SPARK_SUCCESS_CONDITION}
        failure={SPARK_FAILURE_CONDITION}
      />
    </div>
  );
}

interface ChoiceProps {
  label: string;
  name: string;
  value: string;
  options: readonly string[];
  /** Text of the empty choice, when the field may be left out. */
  empty?: string;
  onChange: (value: string) => void;
}

/** A select that commits on change; a value outside `options` is shown as it is. */
function Choice({ label, name, value, options, empty, onChange }: ChoiceProps) {
  const id = useId();
  const all = value === '' || options.includes(value) ? options : [value, ...options];
  const problem =
    value === '' && empty === undefined ? `${label.toLowerCase()} is required` : undefined;
  return (
    <div className={`field${problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {(value === '' || empty !== undefined) && <option value="">{empty ?? '(choose)'}</option>}
        {all.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      {problem && (
        <div className="field-error" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}
