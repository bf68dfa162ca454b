// Mantine's global styles; each component's own CSS comes with it (see README.md).
import "@mantine/core/styles/baseline.css";
import "@mantine/core/styles/default-css-variables.css";
import "@mantine/core/styles/global.css";
import "./global.css";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { DeferredNotifications } from "./components/deferred-notifications.tsx";
import { createQueryClient } from "./query-client.ts";
import { createAppRouter } from "./router.ts";
import { endSession } from "./session/end-session.ts";
import { cssVariablesResolver, theme } from "./theme.ts";

const queryClient = createQueryClient(() => {
  void endSession({ router, queryClient, returnTo: router.state.location.href });
});
const router = createAppRouter(queryClient);

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("index.html has no #root element");

createRoot(rootElement).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <DeferredNotifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
