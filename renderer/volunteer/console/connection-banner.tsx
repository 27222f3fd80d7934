import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../../../core/protocol/hub-connection.js';

/** Props of {@link ConnectionBanner}. */
export interface ConnectionBannerProps {
  status: ConnectionStatus;
}

/**
 * Says when the live link to the hub is not up ("Reconectando…"), so a volunteer knows a quiet
 * console may mean a lost connection, not a quiet centre. Nothing shows while connected.
 */
export function ConnectionBanner({ status }: ConnectionBannerProps) {
  const { t } = useTranslation();
  const text = status === 'reconnecting' ? t('console.reconnecting') : status === 'connecting' ? t('console.connecting') : undefined;
  return (
    <div role="status" className={text ? 'connection-banner' : 'connection-banner is-empty'}>
      {text}
    </div>
  );
}
