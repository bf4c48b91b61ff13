import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/team-context";
import { listUserTeams } from "@/lib/teams/get-membership";
import { createPersonalTeam } from "@/lib/teams/create-personal-team";
import { getDb } from "@/db";

// The front door: signed-in users land on their first team's dashboard.
export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const teams = await listUserTeams({ userId: user.id });
  // Someone who left every team still needs a place to work.
  const team = teams[0]?.team ?? (await createPersonalTeam(await getDb(), user));
  redirect(`/${team.slug}/dashboard`);
}
