// The api's messages about one field, next to it (the field points at them with aria-describedby).
export function FieldError({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p className="field-error" id={id} data-testid={id}>
      {messages.join(' ')}
    </p>
  );
}
