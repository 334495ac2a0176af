import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkplace } from '../workplace/workplace';

/** The structure (when the member has several) and the site the pages show. */
export function WorkplacePicker() {
  const { t } = useTranslation();
  const { memberships, membership, site, chooseStructure, chooseSite } = useWorkplace();
  return (
    <Group gap="sm" wrap="nowrap">
      {memberships.length > 1 && (
        <Select
          label={t('workplace.structure')}
          size="xs"
          allowDeselect={false}
          data={memberships.map((m) => ({ value: m.structure.id, label: m.structure.name }))}
          value={membership.structure.id}
          onChange={(value) => value && chooseStructure(value)}
        />
      )}
      <Select
        label={t('workplace.site')}
        size="xs"
        allowDeselect={false}
        data={membership.structure.sites.map((s) => ({ value: s.id, label: s.name }))}
        value={site.id}
        onChange={(value) => value && chooseSite(value)}
      />
    </Group>
  );
}
