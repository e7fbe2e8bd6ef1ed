import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * Keeps a failing page from blanking the whole app: the shell stays, the page shows `fallback`.
 * `resetKey` (the location) clears the error when the user goes elsewhere.
 */
export class ErrorBoundary extends Component<
  { children: ReactNode; fallback: (error: unknown, retry: () => void) => ReactNode; resetKey: string },
  { error: unknown; key: string }
> {
  override state = { error: null as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: unknown; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error !== null) return this.props.fallback(this.state.error, () => this.setState({ error: null }));
    return this.props.children;
  }
}
