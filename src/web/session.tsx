/** Who is signed in (GET /api/auth/me), shared by every screen; reacts to expired sessions and forced password changes. */
import { App as AntApp, Spin } from "antd";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import type { Capabilities } from "../domain/roles.ts";
import { api, ApiError, onAuthProblem } from "./api.ts";

export interface Me {
  id: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  roles: Array<{ role: string; label: string; orgId: string | null }>;
  teamSeats: Array<{ teamId: string; position: string; label: string }>;
  can: Capabilities;
}

interface Session {
  me: Me | null;
  loading: boolean;
  setMe: (me: Me | null) => void;
  reload: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * A hint that this browser signed in before. Without it, opening /login does not ask the server who is signed in
 * (the answer would be a 401 the browser logs as an error). Every other page still asks: the cookie decides.
 */
const HINT = "xuncha.signedIn";
/** The public petition pages (码上巡察 form and receipt lookup, /p/…): nobody is asked to sign in there. */
const isPublicPath = (path: string) => path.startsWith("/p/");
const hint = {
  has: () => localStorage.getItem(HINT) === "1",
  set: (on: boolean) => (on ? localStorage.setItem(HINT, "1") : localStorage.removeItem(HINT)),
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = AntApp.useApp();
  const where = useRef(location.pathname);
  useEffect(() => {
    where.current = location.pathname;
  }, [location.pathname]);
  const lastNotice = useRef(0);

  useEffect(() => {
    onAuthProblem((problem) => {
      if (isPublicPath(where.current)) return;
      if (problem === "password_change_required") {
        setMe((m) => (m ? { ...m, mustChangePassword: true } : m));
        if (where.current !== "/password") navigate("/password", { replace: true });
        return;
      }
      setMe(null);
      hint.set(false);
      if (problem === "session_expired" && Date.now() - lastNotice.current > 3000) {
        lastNotice.current = Date.now();
        void message.warning("登录已超时，请重新登录");
      }
      if (where.current !== "/login") navigate("/login", { replace: true, state: { from: where.current } });
    });
  }, [navigate, message]);

  const reload = useCallback(async () => {
    if ((where.current === "/login" && !hint.has()) || isPublicPath(where.current)) {
      setLoading(false);
      return;
    }
    try {
      const res = await api.get<{ user: Me | null }>("/api/auth/me");
      setMe(res.user ?? null);
      hint.set(Boolean(res.user));
    } catch (e) {
      setMe(null);
      if (!(e instanceof ApiError && e.handled)) void message.error(e instanceof Error ? e.message : "加载失败");
    } finally {
      setLoading(false);
    }
  }, [message]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const logout = useCallback(async () => {
    try {
      await api.post("/api/auth/logout");
    } catch {
      // signing out of an expired session is still signing out
    }
    setMe(null);
    hint.set(false);
    navigate("/login", { replace: true });
  }, [navigate]);

  const signIn = useCallback((user: Me | null) => {
    setMe(user);
    hint.set(user !== null);
  }, []);
  const value = useMemo(() => ({ me, loading, setMe: signIn, reload, logout }), [me, loading, signIn, reload, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

/** The signed-in user, for screens that are only rendered inside RequireAuth. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error("useMe without a signed-in user");
  return me;
}

export function FullPageSpin() {
  return (
    <div style={{ minHeight: "60vh", display: "flex", alignItems: "center", justifyContent: "center" }}>
      <Spin size="large" />
    </div>
  );
}

/** Lets only signed-in users with a current password through. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (me.mustChangePassword) return <Navigate to="/password" replace />;
  return <>{children}</>;
}
