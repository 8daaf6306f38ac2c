/** `albkit dev --help`. */
export const DEV_USAGE = `usage: albkit dev [--template <file>]... [--port N] [--admin-port N] [--no-s3] [--s3-port N]
                  [--health-check-scale X] [--no-watch] [--quiet]
                  [--isolation thread|shared] [--shuffle-headers]
                  [--console-exchanges N] [--no-console]
Serve the templates on the local load balancer (port 3000, admin 3001, S3 4569).
The console (every request as the balancer and the function saw it) is at the admin port's /;
it keeps the last --console-exchanges requests (default 200); --no-console turns it off.
Without --template: templates/sam/alb.yaml and templates/sam/*.yaml of the workspace.`
