import { Component, lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n/I18nProvider';
import { LoadFailed } from './LoadFailed';

/**
 * A part of the app downloaded when it is first shown (a location, a section, a panel that is not
 * the first thing people look at), as Zendesk's React scaffold loads its locations: `React.lazy`
 * over a dynamic `import()`, which Vite turns into a chunk of its own.
 */
export interface LazyPart<P extends object> {
  /** Starts the download now (a tab hovered, the location known), showing nothing. */
  preload(): void;
  /** The part, to render inside Suspense (PartSlot does). */
  Component: ComponentType<P>;
  /** After a failure: the next render downloads again (React keeps a failed lazy's error). */
  retry(): void;
  /**
   * The strings it shows: 'first' when they all are in the first namespaces a sidebar downloads
   * (firstNamespaces.ts; a unit test reads the part's code to hold this true), so it needs not
   * wait for the whole catalogue; 'all' otherwise.
   */
  strings: 'first' | 'all';
}

/** A failed download of a part's code, as opposed to an error of the part itself. */
export class PartLoadError extends Error {
  constructor(cause: unknown) {
    super('A part of the app could not be downloaded', { cause });
    this.name = 'PartLoadError';
  }
}

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, { strings = 'all' }: { strings?: LazyPart<P>['strings'] } = {}): LazyPart<P> {
  let download: Promise<ComponentType<P>> | undefined;
  const start = () => {
    download ??= load().catch((error: unknown) => {
      download = undefined;
      throw new PartLoadError(error);
    });
    return download;
  };
  // A lazy component takes the props of the one it loads (React's types lose them with a generic P).
  const make = () => lazy(() => start().then((component) => ({ default: component }))) as unknown as ComponentType<P>;
  let current = make();
  const Component = (props: P) => {
    const Current = current;
    return <Current {...props} />;
  };
  return {
    preload: () => void start().catch(() => undefined),
    Component,
    retry: () => {
      current = make();
    },
    strings,
  };
}

interface PartSlotProps<P extends object> {
  part: LazyPart<P>;
  props: P;
  /** What the loading line says; "Loading…" by default. */
  loadingLabel?: string;
}

/** Renders a lazy part: a loading line while it downloads, an error with Retry if that fails. */
export function PartSlot<P extends object>({ part, props, loadingLabel }: PartSlotProps<P>) {
  const { t, catalogue } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const Part = part.Component;
  const retry = () => {
    part.retry();
    setAttempt((count) => count + 1);
  };
  // A part that may say anything waits for every string (its code downloads meanwhile); asking
  // for them is what starts their download, once the first part of the sidebar is on screen.
  const waits = !catalogue.complete && part.strings === 'all';
  const need = catalogue.complete ? undefined : catalogue.need;
  useEffect(() => {
    if (waits) need?.();
  }, [waits, need]);
  if (!catalogue.complete && waits) {
    part.preload();
    return catalogue.failed ? <LoadFailed onRetry={catalogue.retry} /> : <Loading label={loadingLabel ?? t('shell.loading')} />;
  }
  return (
    <LoadBoundary key={attempt} failed={<LoadFailed onRetry={retry} />}>
      <Suspense fallback={<Loading label={loadingLabel ?? t('shell.loading')} />}>
        <Part {...props} />
      </Suspense>
    </LoadBoundary>
  );
}

type BoundaryState = { failure: PartLoadError | undefined; other: { error: unknown } | undefined };

/** Catches failed downloads only: any other error goes on up, as it would without the boundary. */
class LoadBoundary extends Component<{ failed: ReactNode; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failure: undefined, other: undefined };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return error instanceof PartLoadError ? { failure: error, other: undefined } : { failure: undefined, other: { error } };
  }

  override render() {
    if (this.state.other) throw this.state.other.error;
    return this.state.failure ? this.props.failed : this.props.children;
  }
}
