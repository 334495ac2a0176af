import { useMutation } from '@apollo/client/react';
import { Alert, Button, FileInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { describeError } from '../graphql/error-message';
import { IMPORT_INDICATOR_VALUES_MUTATION, type ImportResult } from './indicators.queries';

/** The service takes 2 MB of file at most: said before sending 2.7 MB of base64 for nothing. */
const MAX_BYTES = 2 * 1024 * 1024;

/** The file's bytes as they are, in base64: the service decodes UTF-8, UTF-16 and Windows-1252 itself. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return window.btoa(binary);
}

/** CSV import, all or nothing: the count imported, or every line's error as the service reports it. */
export function ImportPanel({ structureId }: { structureId: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<{ file: string; result: ImportResult } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [importValues, { loading }] = useMutation(IMPORT_INDICATOR_VALUES_MUTATION, {
    // The dashboard's figures and alerts read the imported values: fetched again once they are stored.
    refetchQueries: ['ConsoleIndicatorScores', 'ConsoleIndicatorAlerts'],
    awaitRefetchQueries: true,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setResult(null);
    setProblem(null);
    if (file.size > MAX_BYTES) {
      setProblem(t('indicators.import.tooLarge'));
      return;
    }
    let csvBase64: string;
    try {
      csvBase64 = await base64Of(file);
    } catch {
      setProblem(t('indicators.import.readFailed'));
      return;
    }
    try {
      const { data } = await importValues({ variables: { input: { structureId, csvBase64, fileName: file.name } } });
      if (data) setResult({ file: file.name, result: data.importIndicatorValues });
    } catch (error) {
      setProblem(t('indicators.import.failed', { message: describeError(error, t) }));
    }
  };

  const errors = result?.result.errors ?? [];
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="import-title">
      <Stack gap="sm" maw={960}>
        <Title order={2} size="h3" id="import-title">
          {t('indicators.import.title')}
        </Title>
        <Text size="sm">{t('indicators.import.intro')}</Text>
        <form onSubmit={(event) => void submit(event)}>
          <Stack gap="sm" maw={480}>
            <FileInput
              label={t('indicators.import.file')}
              description={t('indicators.import.fileHint')}
              placeholder={t('indicators.import.filePlaceholder')}
              accept=".csv,text/csv,text/plain"
              value={file}
              onChange={(next) => {
                setFile(next);
                setResult(null);
                setProblem(null);
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('indicators.import.clearFile') }}
            />
            <div>
              <Button type="submit" disabled={!file} loading={loading}>
                {loading ? t('indicators.import.submitting') : t('indicators.import.submit')}
              </Button>
            </div>
          </Stack>
        </form>
        {problem && <ErrorState message={problem} />}
        {result?.result.ok && (
          <Alert color="green" role="status">
            {t('indicators.import.success', { count: result.result.imported, file: result.file })}
          </Alert>
        )}
        {result && !result.result.ok && (
          <>
            <Alert color="red" role="alert">
              {t('indicators.import.refused', { count: errors.length })}
            </Alert>
            <Table.ScrollContainer minWidth={560}>
              <Table striped withTableBorder>
                <Table.Caption>{t('indicators.import.errorsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('indicators.import.line')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.import.column')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.import.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {errors.map((error, i) => (
                    <Table.Tr key={`${error.line}-${error.column ?? ''}-${i}`}>
                      <Table.Td>{error.line}</Table.Td>
                      <Table.Td>{error.column ?? t('indicators.import.wholeLine')}</Table.Td>
                      <Table.Td>{error.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Paper>
  );
}
