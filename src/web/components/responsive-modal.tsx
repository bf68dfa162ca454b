import { Button, type ButtonProps, Modal, type ModalProps } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import type { ReactNode } from "react";

/**
 * A dialog that is its own screen on a phone, where a floating one leaves no room to type. What
 * it holds is mounted only while it is open, so a form in it starts afresh every time.
 */
export function ResponsiveModal({ opened, children, size = "lg", ...props }: ModalProps) {
  const isPhone = useMediaQuery("(max-width: 36em)") ?? false;
  return (
    // The close button is an icon alone: it needs a name.
    <Modal
      opened={opened}
      size={size}
      fullScreen={isPhone}
      closeButtonProps={{ "aria-label": "Close dialog" }}
      {...props}
    >
      {opened && children}
    </Modal>
  );
}

interface ModalButtonProps extends Omit<ButtonProps, "children"> {
  /** What the button says. */
  label: ReactNode;
  /** The dialog's title. */
  title: string;
  modalSize?: ModalProps["size"];
  /** The dialog's content, given the function that closes it. */
  children: (close: () => void) => ReactNode;
}

/** A button that opens a ResponsiveModal, typically holding a form. */
export function ModalButton({
  label,
  title,
  modalSize,
  children,
  ...buttonProps
}: ModalButtonProps) {
  const [opened, modal] = useDisclosure(false);
  return (
    <>
      <Button {...buttonProps} onClick={modal.open}>
        {label}
      </Button>
      <ResponsiveModal
        opened={opened}
        onClose={modal.close}
        title={title}
        {...(modalSize ? { size: modalSize } : {})}
      >
        {children(modal.close)}
      </ResponsiveModal>
    </>
  );
}
