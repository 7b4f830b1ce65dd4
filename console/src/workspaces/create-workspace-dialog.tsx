import { useT } from '../i18n/index.js';
import { Modal } from '../ui/modal.js';
import { CreateWorkspaceForm } from './create-workspace-form.js';

export function CreateWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Modal title={t('ws.create.title')} onClose={onClose} testId="create-workspace-dialog">
      <CreateWorkspaceForm onCancel={onClose} />
    </Modal>
  );
}
