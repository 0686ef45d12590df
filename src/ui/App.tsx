// The application shell. A placeholder until the canvas, palette and inspector land.
export function App() {
  return (
    <main>
      <h1>Argoflow Studio</h1>
      <p>Author, validate and run Argo Workflows from a canvas.</p>
    </main>
  );
}
