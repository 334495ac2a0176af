import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Grid, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useSessionDraft } from '../common/use-session-draft';
import { describeError, refusalOf } from '../graphql/error-message';
import type { SiteSummary } from '../workplace/me.query';
import { callTime } from './call-labels';
import { PUBLISH_RULEBOOK_MUTATION, RULEBOOK_QUERY, type SiteMember } from './calls.queries';
import { CallSimulator } from './CallSimulator';
import { RulebookEditor } from './RulebookEditor';
import { RulebookHistory } from './RulebookHistory';
import {
  documentOf,
  locateProblem,
  problemsOf,
  type RuleForm,
  type RuleProblem,
  rulesFromDocument,
  starterRules,
} from './rulebook-model';

/** `site`, or the id of the practitioner whose own rules are shown. */
type Scope = string;
const SITE = 'site';

interface Props {
  structureId: string;
  site: SiteSummary;
  memberId: string;
  /** Administrators and coordinators write the site's rules. */
  mayWriteSite: boolean;
  /** A practitioner writes their own. */
  isPractitioner: boolean;
  /** An administrator also writes any practitioner's. */
  isAdministrator: boolean;
  practitioners: readonly SiteMember[];
  /** Everyone of the site, for the authors' names. */
  members: readonly SiteMember[];
}

interface EditDraft {
  /** `site:<id>` or `practitioner:<id>`: the rulebook the changes are for. */
  scopeKey: string;
  basedOnVersion: number | null;
  rules: RuleForm[] | null;
}

const EMPTY_DRAFT: EditDraft = { scopeKey: '', basedOnVersion: null, rules: null };

/** The rulebook editor and the simulator, side by side: edit, try the draft, publish, simulate again. */
export function RulesPanel({
  structureId,
  site,
  memberId,
  mayWriteSite,
  isPractitioner,
  isAdministrator,
  practitioners,
  members,
}: Props) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>(isPractitioner && !mayWriteSite ? memberId : SITE);
  const ofPractitioner = scope === SITE ? null : scope;
  const scopeInput = ofPractitioner
    ? { structureId, practitionerId: ofPractitioner }
    : { structureId, siteId: site.id };
  const scopeKey = ofPractitioner ? `practitioner:${ofPractitioner}` : `site:${site.id}`;
  const editable = ofPractitioner ? isAdministrator || (isPractitioner && ofPractitioner === memberId) : mayWriteSite;
  const scopes = [
    ...(isPractitioner ? [{ value: memberId, label: t('calls.rules.scopeMine') }] : []),
    { value: SITE, label: t('calls.rules.scopeSite', { site: site.name }) },
    ...(isAdministrator
      ? practitioners
          .filter((p) => p.id !== memberId)
          .map((p) => ({ value: p.id, label: t('calls.rules.scopeOf', { name: `${p.firstName} ${p.lastName}` }) }))
      : []),
  ];
  // Kept in the tab's sessionStorage: a session that expires in the middle of an edit loses nothing.
  const [draft, setDraft, clearDraft] = useSessionDraft<EditDraft>('msp-console.calls.rulebook-draft', EMPTY_DRAFT);
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const [notice, setNotice] = useState<{ kind: 'published' | 'invalid' | 'stale' | 'failed'; text: string } | null>(
    null,
  );

  const rulebook = useQuery(RULEBOOK_QUERY, { variables: { input: scopeInput }, fetchPolicy: 'cache-and-network' });
  const [publish, publishing] = useMutation(PUBLISH_RULEBOOK_MUTATION);
  const current = rulebook.data?.rulebook;
  const published = useMemo(() => (current ? rulesFromDocument(current.document) : []), [current]);
  const dirty = draft.scopeKey === scopeKey && draft.rules !== null;
  const rules = dirty && draft.rules ? draft.rules : published;
  const hasRulebook = dirty || Boolean(current?.document);

  const edit = (next: RuleForm[]) => {
    setDraft({ scopeKey, basedOnVersion: dirty ? draft.basedOnVersion : (current?.version ?? null), rules: next });
    // A refusal names rules by position: once rules move, come or go, its positions no longer hold.
    if (next.map((r) => r.key).join() !== rules.map((r) => r.key).join()) {
      setProblems([]);
      setNotice(null);
    } else if (notice?.kind === 'published') setNotice(null);
  };
  const discard = () => {
    clearDraft();
    setProblems([]);
    setNotice(null);
  };
  const submit = async () => {
    setNotice(null);
    try {
      const result = await publish({
        variables: {
          input: {
            ...scopeInput,
            document: documentOf(rules),
            basedOnVersion: dirty ? draft.basedOnVersion : (current?.version ?? null),
          },
        },
      });
      // The published version is read before the draft goes, so that the old rules never show in between.
      await rulebook.refetch().catch(() => undefined);
      clearDraft();
      setProblems([]);
      setNotice({
        kind: 'published',
        text: t('calls.rules.published', { version: result.data?.publishRulebook.version }),
      });
    } catch (error) {
      const { reason } = refusalOf(error);
      if (reason === 'CALL_ROUTING.INVALID_RULEBOOK') {
        const message = error instanceof Error ? error.message : '';
        const found = problemsOf(firstMessage(error) ?? message, 'input.document.');
        setProblems(found.length ? found : [locateProblem('rules', message)]);
        setNotice({ kind: 'invalid', text: t('calls.rules.invalid') });
      } else if (reason === 'CALL_ROUTING.STALE_RULEBOOK') {
        setNotice({ kind: 'stale', text: t('calls.rules.stale') });
      } else {
        setNotice({ kind: 'failed', text: t('calls.rules.publishFailed', { message: describeError(error, t) }) });
      }
    }
  };
  const general = problems.filter((p) => p.ruleIndex === null);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="sm" component="section" aria-labelledby="rules-heading">
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h3" id="rules-heading">
              {t('calls.rules.heading')}
            </Title>
            {scopes.length > 1 && (
              <Select
                label={t('calls.rules.scope')}
                allowDeselect={false}
                searchable={scopes.length > 6}
                data={scopes}
                value={scope}
                onChange={(value) => {
                  setScope(value ?? SITE);
                  setProblems([]);
                  setNotice(null);
                }}
                miw={260}
              />
            )}
          </Group>
          {ofPractitioner && <Text size="sm">{t('calls.rules.mineIntro')}</Text>}
          {!editable && <Alert color="gray">{t('calls.rules.readOnly')}</Alert>}
          {rulebook.error && (
            <ErrorState
              message={t('calls.rules.loadFailed', { message: describeError(rulebook.error, t) })}
              onRetry={() => void rulebook.refetch()}
            />
          )}
          {rulebook.loading && !current && <LoadingState label={t('calls.rules.loading')} />}
          {current && (
            <Text size="sm" c="gray.7">
              {current.isDefault
                ? t('calls.rules.defaultRulebook')
                : current.version && current.publishedAt
                  ? t('calls.rules.version', {
                      version: current.version,
                      when: callTime(current.publishedAt, site.timeZone),
                    })
                  : null}
            </Text>
          )}
          {current && !hasRulebook && (
            <Stack gap="xs" align="flex-start">
              <Text>{t('calls.rules.noneYet')}</Text>
              {editable && <Button onClick={() => edit(starterRules())}>{t('calls.rules.create')}</Button>}
            </Stack>
          )}
          {current && current.warnings.length > 0 && !dirty && (
            <Alert color="yellow" title={t('calls.rules.warnings')} classNames={{ title: 'calls-alert-title' }}>
              <List size="sm">
                {current.warnings.map((warning) => (
                  <List.Item key={warning.path}>{warning.reason}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {notice && (
            <Alert
              color={notice.kind === 'published' ? 'green' : 'red'}
              role={notice.kind === 'published' ? 'status' : 'alert'}
              title={notice.text}
              classNames={{ title: 'calls-alert-title' }}
            >
              {general.map((problem) => (
                <Text key={problem.reason} size="sm">
                  {problem.reason}
                </Text>
              ))}
              {notice.kind === 'stale' && (
                <Button mt="xs" variant="white" color="red" onClick={discard}>
                  {t('calls.rules.reload')}
                </Button>
              )}
            </Alert>
          )}
          {current && hasRulebook && (
            <RulebookEditor
              rules={rules}
              editable={editable}
              problems={problems}
              practitioners={practitioners}
              onChange={edit}
            />
          )}
          {editable && dirty && (
            <Group>
              <Badge color="dark" variant="outline">
                {t('calls.rules.unsaved')}
              </Badge>
              <Button onClick={() => void submit()} loading={publishing.loading}>
                {t('calls.rules.publish')}
              </Button>
              <Button variant="default" onClick={discard}>
                {t('calls.rules.discard')}
              </Button>
            </Group>
          )}
          {current && (
            <RulebookHistory
              key={`${scopeKey}:${current.version ?? 0}`}
              scope={scopeInput}
              version={current.version}
              timeZone={site.timeZone}
              members={members}
            />
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <CallSimulator
          site={site}
          practitioners={practitioners}
          fixedPractitionerId={ofPractitioner}
          draft={
            dirty && rules.length
              ? { document: documentOf(rules), scope: ofPractitioner ? 'practitioner' : 'site' }
              : null
          }
        />
      </Grid.Col>
    </Grid>
  );
}

/** The first GraphQL error's message: Apollo's own joins every error's. */
function firstMessage(error: unknown): string | undefined {
  const errors = (error as { errors?: Array<{ message?: string }> } | null)?.errors;
  return Array.isArray(errors) ? errors[0]?.message : undefined;
}
