import { Center, Loader, Text } from '@mantine/core';

/** A spinner with its words, announced to screen readers. */
export function LoadingState({ label }: { label: string }) {
  return (
    <Center role="status" aria-live="polite" py="xl" style={{ gap: 12 }}>
      <Loader size="sm" aria-hidden="true" />
      <Text>{label}</Text>
    </Center>
  );
}
