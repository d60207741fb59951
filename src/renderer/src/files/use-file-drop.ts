import { useEffect, useRef, useState } from 'react';

/**
 * Files dropped anywhere on the window: `dragging` while a drag with files is
 * over it (for the overlay), `onDrop` with the first file only. Folders are
 * refused (a DataTransfer item whose entry is a directory). The browser's own
 * drop, which would navigate to the file, is always prevented.
 */
export function useFileDrop(onDrop: (file: File) => void, onRefuse: (message: string) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const handlers = useRef({ onDrop, onRefuse });
  handlers.current = { onDrop, onRefuse };

  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const item = Array.from(e.dataTransfer?.items ?? []).find((i) => i.kind === 'file');
      const entry = item?.webkitGetAsEntry?.();
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      if (entry?.isDirectory) return handlers.current.onRefuse(`“${file.name}” is a folder; drop a single file.`);
      handlers.current.onDrop(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}
