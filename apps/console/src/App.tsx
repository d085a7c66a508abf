export function App() {
  return (
    <main>
      <h1>Enlace</h1>
    </main>
  );
}
