import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Typography, Upload } from 'antd';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { useUser } from '../auth/session';
import { STANDARDS_KEY, standardsApi } from './api';
import { fileProblems, NotJsonError, readJson } from './logic';
import { ScopeSelect } from './ScopeSelect';

/**
 * Choose the scope, then a .json file: it is read in the browser and sent as it is, so that the
 * server can name every problem in it; those are listed for the administrator to correct.
 */
export function LoadStandard({
  province,
  onProvince,
}: {
  province: string | null;
  onProvince: (code: string | null) => void;
}) {
  const t = useT();
  const { scope } = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (file: File) => standardsApi.load(province, await readJson(file)),
    onSuccess: (loaded) => {
      void message.success(t('standards.loaded', { name: loaded.name, version: loaded.version }));
      return queryClient.invalidateQueries({ queryKey: STANDARDS_KEY });
    },
  });
  const canLoad = scope.level !== 'commune';

  return (
    <section className="standards-load">
      <div className="toolbar">
        <ScopeSelect
          value={province}
          onChange={(code) => {
            mutation.reset();
            onProvince(code);
          }}
        />
        {canLoad && (
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              mutation.mutate(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={mutation.isPending}>
              {t('standards.load')}
            </Button>
          </Upload>
        )}
      </div>
      <Typography.Paragraph type="secondary" className="standards-hint">
        {canLoad ? t('standards.scopeHint') : t('standards.cannotLoad')}
      </Typography.Paragraph>
      {mutation.isError && (
        <LoadFailure file={mutation.variables.name} error={mutation.error} onClose={() => mutation.reset()} />
      )}
    </section>
  );
}

/** Why a file was refused: every problem the server named, at its place in the file. */
function LoadFailure({ file, error, onClose }: { file: string; error: unknown; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const problems = fileProblems(error, t.lang);
  let description;
  if (error instanceof NotJsonError) {
    description = t('standards.notJson', { reason: error.message });
  } else if (problems.length === 0) {
    description = errorText(error);
  } else {
    description = (
      <>
        <div>{t('standards.problems', { count: problems.length })}</div>
        <ul className="standards-problems">
          {problems.map((p, i) => (
            <li key={i}>
              <code>{p.path || t('standards.wholeFile')}</code> {p.message}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      className="standards-failure"
      title={t('standards.loadFailed', { file })}
      description={description}
    />
  );
}
