// For server component pages: redirect anonymous visitors, 404 other teams' URLs.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { resolveTeamContext, type TeamContext } from "./team-context";

export async function requireTeamPage(slug: string, path = `/${slug}`): Promise<TeamContext> {
  try {
    return await resolveTeamContext(slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") {
      redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
    }
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
