#!/usr/bin/env bash
# A real WordPress (Debian 12's package, 6.1) on loopback for the delivery tests, and an
# Application Password for its REST API. Prints (and writes to $NEWSDESK_CMS_DIR/wordpress.env)
# the variables the tests read: NEWSDESK_TEST_WORDPRESS_URL, _USER, _PASSWORD.
#
# Its own Apache process (own config, pid file, port, logs under $NEWSDESK_CMS_DIR), not the
# system's Apache: nothing in /etc/apache2 changes and a developer's own site keeps running.
# WordPress's Debian wp-config.php reads /etc/wordpress/config-$WORDPRESS_CONFIG.php, so the
# one file outside the state folder is /etc/wordpress/config-newsdesk-test.php; its
# wp-content (uploads) lives in the state folder. MariaDB is the system's (one database,
# `newsdesk_test_wp`).
#
# Idempotent: when it already answers, this takes about a second; when only stopped (see
# wordpress-down.sh), it starts Apache again on the same port. From no database to an
# authenticated REST answer took 3-4 s here.
set -euo pipefail
if [ "$(id -u)" != 0 ]; then exec sudo -E "$0" "$@"; fi

STATE="${NEWSDESK_CMS_DIR:-/tmp/newsdesk-cms}/wordpress"
ENV_FILE="$STATE/../wordpress.env"
CONFIG_NAME=newsdesk-test
WP_CONFIG="/etc/wordpress/config-$CONFIG_NAME.php"
DB_NAME=newsdesk_test_wp
WP_ADMIN=editor
mkdir -p "$STATE"

# Packages: dev.sh's set-up installs them; this is for running the script on its own.
PACKAGES=(wordpress mariadb-server apache2 libapache2-mod-php php-mysql php-gd php-curl php-xml
  php-mbstring php-intl curl)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# MariaDB: started by hand (containers' policy-rc.d keeps apt from starting services).
if ! mariadb-admin ping >/dev/null 2>&1; then
  service mariadb start >/dev/null
  for _ in $(seq 1 60); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 0.25; done
fi

apache_running() { [ -f "$STATE/apache.pid" ] && kill -0 "$(cat "$STATE/apache.pid")" 2>/dev/null; }

answers() { # the REST API answers an authenticated request
  [ -f "$ENV_FILE" ] || return 1
  # shellcheck disable=SC1090
  . "$ENV_FILE"
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 \
    -u "$NEWSDESK_TEST_WORDPRESS_USER:$NEWSDESK_TEST_WORDPRESS_PASSWORD" \
    "$NEWSDESK_TEST_WORDPRESS_URL/wp-json/wp/v2/users/me")" = 200 ]
}

start_apache() {
  apache2 -f "$STATE/apache.conf" -k start
  for _ in $(seq 1 80); do
    curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/" && return 0
    sleep 0.1
  done
  echo "WordPress's Apache did not start; see $STATE/apache-error.log" >&2
  exit 1
}

# Already set up: start what is stopped, and done.
if [ -f "$ENV_FILE" ] && [ -f "$STATE/apache.conf" ] && [ -f "$WP_CONFIG" ]; then
  PORT=$(sed -n 's/^Listen 127.0.0.1:\([0-9]*\)$/\1/p' "$STATE/apache.conf")
  apache_running || start_apache
  if answers; then cat "$ENV_FILE"; exit 0; fi
fi

# A free loopback port, chosen by the kernel (PHP is here with WordPress).
if [ -z "${PORT:-}" ]; then
  PORT=$(php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];')
fi
URL="http://127.0.0.1:$PORT"

DB_PASS=$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')
mariadb <<SQL
CREATE DATABASE IF NOT EXISTS $DB_NAME DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'newsdesk_wp'@'localhost';
ALTER USER 'newsdesk_wp'@'localhost' IDENTIFIED BY '$DB_PASS';
GRANT ALL PRIVILEGES ON $DB_NAME.* TO 'newsdesk_wp'@'localhost';
FLUSH PRIVILEGES;
SQL

# wp-content in the state folder: uploads are the tests' own, and go with the folder.
mkdir -p "$STATE/wp-content/uploads" "$STATE/wp-content/themes" "$STATE/wp-content/plugins"
ln -sfn /usr/share/wordpress/wp-content/themes/twentytwentythree "$STATE/wp-content/themes/twentytwentythree"
chown -R www-data:www-data "$STATE/wp-content"

salt() { head -c 48 /dev/urandom | base64 | tr -d '\n/+='; }
cat >"$WP_CONFIG" <<PHP
<?php
// Written by Newsdesk's .ci/cms/wordpress-up.sh for its delivery tests.
define('DB_NAME', '$DB_NAME');
define('DB_USER', 'newsdesk_wp');
define('DB_PASSWORD', '$DB_PASS');
define('DB_HOST', 'localhost');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('AUTH_KEY', '$(salt)'); define('SECURE_AUTH_KEY', '$(salt)');
define('LOGGED_IN_KEY', '$(salt)'); define('NONCE_KEY', '$(salt)');
define('AUTH_SALT', '$(salt)'); define('SECURE_AUTH_SALT', '$(salt)');
define('LOGGED_IN_SALT', '$(salt)'); define('NONCE_SALT', '$(salt)');
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
// Application Passwords work over plain http only on a 'local' site
// (wp_is_application_passwords_available: is_ssl() or 'local').
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_CONTENT_DIR', '$STATE/wp-content');
define('WP_CONTENT_URL', '$URL/wp-content');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true); // offline: never wait on api.wordpress.org
\$table_prefix = 'wp_';
PHP
chown root:www-data "$WP_CONFIG"
chmod 640 "$WP_CONFIG"

# Its own Apache: prefork + mod_php, the rewrite rules inline (Debian's .htaccess is all
# comments, and without them /wp-json/ is a 404).
cat >"$STATE/apache.conf" <<APACHE
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile $STATE/apache.pid
ErrorLog $STATE/apache-error.log
LogLevel warn
User www-data
Group www-data
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule env_module /usr/lib/apache2/modules/mod_env.so
LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
LoadModule php_module $(ls /usr/lib/apache2/modules/libphp*.so | head -n1)
StartServers 2
MaxRequestWorkers 16
TypesConfig /etc/mime.types
AddType application/x-httpd-php .php
<FilesMatch "\.php\$">
  SetHandler application/x-httpd-php
</FilesMatch>
SetEnv WORDPRESS_CONFIG $CONFIG_NAME
# Debian's PHP takes uploads up to 2 MB; a large rendition is bigger.
php_admin_value upload_max_filesize 64M
php_admin_value post_max_size 64M
DocumentRoot /usr/share/wordpress
DirectoryIndex index.php
Alias /wp-content/themes /usr/share/wordpress/wp-content/themes
Alias /wp-content $STATE/wp-content
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  AllowOverride None
  Require all granted
  RewriteEngine On
  RewriteBase /
  RewriteRule ^index\.php\$ - [L]
  RewriteCond %{REQUEST_FILENAME} !-f
  RewriteCond %{REQUEST_FILENAME} !-d
  RewriteRule . /index.php [L]
</Directory>
<Directory $STATE/wp-content>
  Options FollowSymLinks
  Require all granted
</Directory>
APACHE
chmod o+x "$(dirname "$STATE")" "$STATE"
if apache_running; then apache2 -f "$STATE/apache.conf" -k graceful; else start_apache; fi

# Install without a browser (wp_install from PHP's command line) and mint the password.
cat >"$STATE/install.php" <<'PHP'
<?php
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
// wp_install() mails the admin through sendmail, which is not here: the notifier is pluggable.
function wp_new_blog_notification() {}
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if (!is_blog_installed()) {
    wp_install('Newsdesk Test', getenv('WP_ADMIN'), 'editor@example.test', false, '',
        wp_generate_password(24));
}
update_option('permalink_structure', '/%year%/%monthnum%/%postname%/');
// The rules install wrote are for plain links; dropped, WordPress writes them anew at the next
// request (without it every pretty permalink is a 404).
delete_option('rewrite_rules');
update_option('timezone_string', 'Europe/Berlin');
$user = get_user_by('login', getenv('WP_ADMIN'));
foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
    if ($item['name'] === 'newsdesk-tests') {
        WP_Application_Passwords::delete_application_password($user->ID, $item['uuid']);
    }
}
list($password) = WP_Application_Passwords::create_new_application_password(
    $user->ID, array('name' => 'newsdesk-tests'));
echo $password, "\n";
PHP
APP_PASSWORD=$(WORDPRESS_CONFIG=$CONFIG_NAME WP_ADMIN=$WP_ADMIN php "$STATE/install.php" | tail -n1)

cat >"$ENV_FILE" <<ENV
NEWSDESK_TEST_WORDPRESS_URL=$URL
NEWSDESK_TEST_WORDPRESS_USER=$WP_ADMIN
NEWSDESK_TEST_WORDPRESS_PASSWORD='$APP_PASSWORD'
ENV
for _ in $(seq 1 40); do answers && break; sleep 0.25; done
answers || { echo "WordPress's REST API does not answer at $URL; see $STATE/apache-error.log" >&2; exit 1; }
cat "$ENV_FILE"
