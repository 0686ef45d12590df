// A CronWorkflow's schedule: the cron expressions (one a line), the time zone
// they are read in, the next run times computed live from what is typed, and
// the concurrency, deadline, history and suspend settings.
import { useState } from 'react';
import { DEFAULT_ZONE, scheduleProblem, timezoneProblem } from '../../../core/argo/cron';
import { CONCURRENCY_POLICIES } from '../../../core/validate/cron';
import { setCronField } from '../../../core/model/fields';
import type { Pipeline } from '../../../core/model/types';
import { useEditor, useEditorStore } from '../../EditorContext';
import { linesToList, listToLines, TextField } from '../fields';
import { IntField } from './IntField';
import { NextRuns } from './NextRuns';
import { Section } from './Section';

/** A few zones offered while typing; any IANA name is accepted. */
const COMMON_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
];

const cronField = (s: { pipeline: Pipeline }, key: string): unknown =>
  s.pipeline.kind === 'CronWorkflow' ? s.pipeline.spec[key] : undefined;

/**
 * What the user is typing into a field, for a live preview; falls back to the
 * document's value once it changes underneath (commit, undo, YAML edit).
 */
function useTyped(value: string): [string, (text: string) => void] {
  const [typed, setTyped] = useState<{ base: string; text: string }>();
  const shown = typed?.base === value ? typed.text : value;
  return [shown, (text) => setTyped({ base: value, text })];
}

/** The zone schedules are checked against: a bad zone is the timezone field's error, not theirs. */
const zoneForSchedules = (zone: string) =>
  zone === '' ? undefined : timezoneProblem(zone) ? DEFAULT_ZONE : zone;

export function CronSection() {
  const store = useEditorStore();
  const apply = store.getState().apply;
  const schedules = useEditor((s) => cronField(s, 'schedules'));
  const timezone = useEditor((s) => cronField(s, 'timezone'));
  const policy = useEditor((s) => cronField(s, 'concurrencyPolicy'));
  const deadline = useEditor((s) => cronField(s, 'startingDeadlineSeconds'));
  const successful = useEditor((s) => cronField(s, 'successfulJobsHistoryLimit'));
  const failed = useEditor((s) => cronField(s, 'failedJobsHistoryLimit'));
  const suspend = useEditor((s) => cronField(s, 'suspend'));
  const set = (key: string) => (value: unknown) => apply((p) => setCronField(p, key, value));

  const [scheduleText, typeSchedules] = useTyped(listToLines(schedules));
  const [zone, typeZone] = useTyped(typeof timezone === 'string' ? timezone : '');
  const checkSchedules = (text: string) => {
    const lines = linesToList(text);
    if (lines.length === 0) return 'a CronWorkflow needs at least one schedule';
    for (const line of lines) {
      const problem = scheduleProblem(line, zoneForSchedules(zone.trim()));
      if (problem) return problem;
    }
    return undefined;
  };

  return (
    <Section title="Schedule" open>
      <TextField
        label="Schedules (one cron expression a line)"
        name="wf-schedules"
        multiline
        value={listToLines(schedules)}
        placeholder="0 9 * * 1-5"
        check={checkSchedules}
        onDraft={typeSchedules}
        onCommit={(v) => set('schedules')(linesToList(v))}
        hint="minute hour day-of-month month day-of-week, or @daily, @hourly, @every 1h30m"
      />
      <TextField
        label="Time zone"
        name="wf-timezone"
        value={typeof timezone === 'string' ? timezone : ''}
        placeholder="the controller's (usually UTC)"
        suggestions={COMMON_ZONES}
        check={(v) => timezoneProblem(v.trim())}
        onDraft={typeZone}
        onCommit={(v) => set('timezone')(v.trim())}
      />
      <NextRuns schedules={linesToList(scheduleText)} zone={zone.trim()} />
      <div className="field">
        <label htmlFor="wf-concurrency">Concurrency policy</label>
        <select
          id="wf-concurrency"
          value={typeof policy === 'string' ? policy : ''}
          onChange={(e) => set('concurrencyPolicy')(e.target.value)}
        >
          <option value="">(default: Allow)</option>
          {CONCURRENCY_POLICIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <IntField
        label="Starting deadline (seconds)"
        field="startingDeadlineSeconds"
        name="wf-starting-deadline"
        value={deadline}
        placeholder="no deadline"
        onCommit={set('startingDeadlineSeconds')}
      />
      <IntField
        label="Successful workflows kept"
        field="successfulJobsHistoryLimit"
        name="wf-successful-history"
        value={successful}
        placeholder="default: 3"
        onCommit={set('successfulJobsHistoryLimit')}
      />
      <IntField
        label="Failed workflows kept"
        field="failedJobsHistoryLimit"
        name="wf-failed-history"
        value={failed}
        placeholder="default: 1"
        onCommit={set('failedJobsHistoryLimit')}
      />
      <div className="field field-check">
        <input
          id="wf-suspend"
          type="checkbox"
          checked={suspend === true}
          onChange={(e) => set('suspend')(e.target.checked ? true : undefined)}
        />
        <label htmlFor="wf-suspend">Suspended (schedule no new runs)</label>
      </div>
    </Section>
  );
}
