// Generated from the products' forms (src-tauri/crates/pricing/src/products/*/form.rs) by `UPDATE_BINDINGS=1 cargo test -p plancast --test bindings`. Do not edit.

import type { ProductForm } from './bindings';

/** Each product's step of the wizard, in `Product::ALL` order. */
export const PRODUCT_FORMS: readonly ProductForm[] = [
  {
    "product": "tcr",
    "blurb": {
      "code": "tcr.form.blurb",
      "args": {}
    },
    "fields": [
      {
        "key": "site",
        "label": {
          "code": "form.site",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "site"
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "region",
        "label": {
          "code": "tcr.form.region",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "choice",
          "options": [
            {
              "value": "ap-guangzhou",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Guangzhou",
                  "name_zh": "广州",
                  "region": "ap-guangzhou"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.mainland",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "ap-qingyuan",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Qingyuan",
                  "name_zh": "清远",
                  "region": "ap-qingyuan"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.mainland",
                "args": {}
              },
              "note": {
                "code": "tcr.form.available_from",
                "args": {
                  "date": "2020-07"
                }
              },
              "hint": {
                "code": "tcr.form.assumed_price",
                "args": {}
              }
            },
            {
              "value": "ap-shenzhen-fsi",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Shenzhen Finance",
                  "name_zh": "深圳金融",
                  "region": "ap-shenzhen-fsi"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.finance",
                "args": {}
              },
              "note": {
                "code": "tcr.form.by_ticket",
                "args": {}
              },
              "hint": null
            },
            {
              "value": "ap-shanghai",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Shanghai",
                  "name_zh": "上海",
                  "region": "ap-shanghai"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.mainland",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "ap-shanghai-fsi",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Shanghai Finance",
                  "name_zh": "上海金融",
                  "region": "ap-shanghai-fsi"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.finance",
                "args": {}
              },
              "note": {
                "code": "tcr.form.by_ticket",
                "args": {}
              },
              "hint": null
            },
            {
              "value": "ap-nanjing",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Nanjing",
                  "name_zh": "南京",
                  "region": "ap-nanjing"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.mainland",
                "args": {}
              },
              "note": {
                "code": "tcr.form.available_from",
                "args": {
                  "date": "2020-07"
                }
              },
              "hint": null
            },
            {
              "value": "ap-beijing",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Beijing",
                  "name_zh": "北京",
                  "region": "ap-beijing"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.mainland",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "ap-hongkong",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Hong Kong",
                  "name_zh": "中国香港",
                  "region": "ap-hongkong"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.hongkong-taipei",
                "args": {}
              },
              "note": {
                "code": "tcr.form.by_ticket",
                "args": {}
              },
              "hint": null
            },
            {
              "value": "ap-seoul",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Seoul",
                  "name_zh": "首尔",
                  "region": "ap-seoul"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.asia-pacific",
                "args": {}
              },
              "note": {
                "code": "tcr.form.available_from",
                "args": {
                  "date": "2020-07"
                }
              },
              "hint": null
            },
            {
              "value": "na-siliconvalley",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Silicon Valley",
                  "name_zh": "硅谷",
                  "region": "na-siliconvalley"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.americas-europe",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "ap-beijing-fsi",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Beijing Finance",
                  "name_zh": "北京金融",
                  "region": "ap-beijing-fsi"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.finance",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "ap-chengdu",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Chengdu",
                  "name_zh": "成都",
                  "region": "ap-chengdu"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.mainland",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "ap-chongqing",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Chongqing",
                  "name_zh": "重庆",
                  "region": "ap-chongqing"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.mainland",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "ap-taipei",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Taipei",
                  "name_zh": "台北",
                  "region": "ap-taipei"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.hongkong-taipei",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "ap-singapore",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Singapore",
                  "name_zh": "新加坡",
                  "region": "ap-singapore"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.asia-pacific",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "ap-tokyo",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Tokyo",
                  "name_zh": "东京",
                  "region": "ap-tokyo"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.asia-pacific",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "ap-mumbai",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Mumbai",
                  "name_zh": "孟买",
                  "region": "ap-mumbai"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.asia-pacific",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "ap-bangkok",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Bangkok",
                  "name_zh": "曼谷",
                  "region": "ap-bangkok"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.asia-pacific",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "ap-jakarta",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Jakarta",
                  "name_zh": "雅加达",
                  "region": "ap-jakarta"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.asia-pacific",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "na-ashburn",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Virginia (Ashburn)",
                  "name_zh": "弗吉尼亚",
                  "region": "na-ashburn"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.americas-europe",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "na-toronto",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Toronto",
                  "name_zh": "多伦多",
                  "region": "na-toronto"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.americas-europe",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "eu-frankfurt",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Frankfurt",
                  "name_zh": "法兰克福",
                  "region": "eu-frankfurt"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.americas-europe",
                "args": {}
              },
              "note": null,
              "hint": null
            },
            {
              "value": "eu-moscow",
              "label": {
                "code": "tcr.form.region_option",
                "args": {
                  "name": "Moscow",
                  "name_zh": "莫斯科",
                  "region": "eu-moscow"
                }
              },
              "group": {
                "code": "tcr.form.region_groups.americas-europe",
                "args": {}
              },
              "note": null,
              "hint": null
            }
          ],
          "default": "ap-guangzhou",
          "buttons": false
        },
        "when": null,
        "wide": false,
        "review": true
      },
      {
        "key": "edition",
        "label": {
          "code": "tcr.form.edition",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "choice",
          "options": [
            {
              "value": "auto",
              "label": {
                "code": "tcr.form.editions.auto",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            },
            {
              "value": "personal",
              "label": {
                "code": "tcr.form.editions.personal",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            },
            {
              "value": "basic",
              "label": {
                "code": "tcr.form.editions.basic",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            },
            {
              "value": "standard",
              "label": {
                "code": "tcr.form.editions.standard",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            },
            {
              "value": "premium",
              "label": {
                "code": "tcr.form.editions.premium",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            }
          ],
          "default": "auto",
          "buttons": true
        },
        "when": null,
        "wide": true,
        "review": true
      },
      {
        "key": "billing",
        "label": {
          "code": "form.billing",
          "args": {}
        },
        "hint": {
          "code": "tcr.form.billing_hint",
          "args": {}
        },
        "input": {
          "type": "choice",
          "options": [
            {
              "value": "payg",
              "label": {
                "code": "tcr.form.billing.payg",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            },
            {
              "value": "monthly",
              "label": {
                "code": "tcr.form.billing.monthly",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            }
          ],
          "default": "payg",
          "buttons": true
        },
        "when": null,
        "wide": true,
        "review": true
      },
      {
        "key": "",
        "label": {
          "code": "tcr.form.needs",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "heading"
        },
        "when": null,
        "wide": true,
        "review": false
      },
      {
        "key": "needs.namespaces",
        "label": {
          "code": "tcr.form.q.namespaces",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "10",
          "required": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "needs.image_repos",
        "label": {
          "code": "tcr.form.q.image_repos",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "100",
          "required": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "needs.helm_repos",
        "label": {
          "code": "tcr.form.q.helm_repos",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "0",
          "required": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "needs.vpc_links",
        "label": {
          "code": "tcr.form.q.vpc_links",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "1",
          "required": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "needs.log_retention_days",
        "label": {
          "code": "tcr.form.q.log_retention_days",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "",
          "required": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "storage_gb",
        "label": {
          "code": "tcr.form.q.storage_gb",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "100",
          "required": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "egress_gb",
        "label": {
          "code": "tcr.form.q.egress_gb",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "50",
          "required": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "needs.cross_region_sync",
        "label": {
          "code": "tcr.form.cross_region_sync",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "toggle",
          "always": true
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "needs.delivery_workflow",
        "label": {
          "code": "tcr.form.delivery_workflow",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "toggle",
          "always": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "needs.vulnerability_scan",
        "label": {
          "code": "tcr.form.vulnerability_scan",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "toggle",
          "always": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "needs.webhooks",
        "label": {
          "code": "tcr.form.webhooks_label",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "set",
          "options": [
            {
              "value": "push_image",
              "label": {
                "code": "tcr.form.webhooks.push_image",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            },
            {
              "value": "pull_image",
              "label": {
                "code": "tcr.form.webhooks.pull_image",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            },
            {
              "value": "delete_image",
              "label": {
                "code": "tcr.form.webhooks.delete_image",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            },
            {
              "value": "helm_chart",
              "label": {
                "code": "tcr.form.webhooks.helm_chart",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            }
          ]
        },
        "when": null,
        "wide": true,
        "review": false
      }
    ]
  },
  {
    "product": "tcss",
    "blurb": {
      "code": "tcss.form.blurb",
      "args": {}
    },
    "fields": [
      {
        "key": "site",
        "label": {
          "code": "form.site",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "site"
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "billing",
        "label": {
          "code": "form.billing",
          "args": {}
        },
        "hint": {
          "code": "tcss.form.billing_hint",
          "args": {}
        },
        "input": {
          "type": "choice",
          "options": [
            {
              "value": "auto",
              "label": {
                "code": "tcss.form.billing.auto",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            },
            {
              "value": "prepaid",
              "label": {
                "code": "tcss.form.billing.prepaid",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            },
            {
              "value": "postpaid",
              "label": {
                "code": "tcss.form.billing.postpaid",
                "args": {}
              },
              "group": null,
              "note": null,
              "hint": null
            }
          ],
          "default": "auto",
          "buttons": true
        },
        "when": null,
        "wide": true,
        "review": true
      },
      {
        "key": "cores",
        "label": {
          "code": "tcss.form.q.cores",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "32",
          "required": true
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "peak_cores",
        "label": {
          "code": "tcss.form.q.peak_cores",
          "args": {}
        },
        "hint": {
          "code": "tcss.form.peak_cores_hint",
          "args": {}
        },
        "input": {
          "type": "quantity",
          "default": "",
          "required": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "peak_days",
        "label": {
          "code": "tcss.form.q.peak_days",
          "args": {}
        },
        "hint": {
          "code": "form.optional",
          "args": {}
        },
        "input": {
          "type": "quantity",
          "default": "",
          "required": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "image_scan.first_scans",
        "label": {
          "code": "tcss.form.q.first_scans",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "",
          "required": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "image_scan.repeat_scans",
        "label": {
          "code": "tcss.form.q.repeat_scans",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "",
          "required": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "log_gb",
        "label": {
          "code": "tcss.form.q.log_gb",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "",
          "required": false
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "licensed_cores",
        "label": {
          "code": "tcss.form.licensed_cores",
          "args": {}
        },
        "hint": {
          "code": "tcss.form.licensed_cores_hint",
          "args": {}
        },
        "input": {
          "type": "whole"
        },
        "when": {
          "key": "billing",
          "equals": "prepaid"
        },
        "wide": false,
        "review": false
      },
      {
        "key": "elastic_cap",
        "label": {
          "code": "tcss.form.elastic_cap",
          "args": {}
        },
        "hint": {
          "code": "form.optional",
          "args": {}
        },
        "input": {
          "type": "whole"
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "trial",
        "label": {
          "code": "form.trial",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "toggle",
          "always": true
        },
        "when": null,
        "wide": false,
        "review": true
      }
    ]
  },
  {
    "product": "image_search",
    "blurb": {
      "code": "is.form.blurb",
      "args": {}
    },
    "fields": [
      {
        "key": "site",
        "label": {
          "code": "form.site",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "site"
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "images",
        "label": {
          "code": "is.form.q.images",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "1000000",
          "required": true
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "qps",
        "label": {
          "code": "is.form.q.qps",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "quantity",
          "default": "5",
          "required": true
        },
        "when": null,
        "wide": false,
        "review": false
      },
      {
        "key": "trial",
        "label": {
          "code": "form.trial",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "toggle",
          "always": true
        },
        "when": null,
        "wide": false,
        "review": true
      },
      {
        "key": "",
        "label": {
          "code": "is.form.packages_label",
          "args": {}
        },
        "hint": null,
        "input": {
          "type": "note",
          "by": "site",
          "notes": [
            {
              "value": "aliyun-cn",
              "text": {
                "code": "is.form.packages",
                "args": {
                  "list": [
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "100,000",
                        "images_zh": "10万",
                        "qps": "1"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "2.5 M",
                        "images_zh": "250万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "2.5 M",
                        "images_zh": "250万",
                        "qps": "10"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "5 M",
                        "images_zh": "500万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "5 M",
                        "images_zh": "500万",
                        "qps": "10"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "10 M",
                        "images_zh": "1000万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "10 M",
                        "images_zh": "1000万",
                        "qps": "10"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "20 M",
                        "images_zh": "2000万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "20 M",
                        "images_zh": "2000万",
                        "qps": "10"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "30 M",
                        "images_zh": "3000万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "30 M",
                        "images_zh": "3000万",
                        "qps": "10"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "40 M",
                        "images_zh": "4000万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "40 M",
                        "images_zh": "4000万",
                        "qps": "10"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "50 M",
                        "images_zh": "5000万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "50 M",
                        "images_zh": "5000万",
                        "qps": "10"
                      }
                    }
                  ]
                }
              }
            },
            {
              "value": "aliyun-intl",
              "text": {
                "code": "is.form.packages",
                "args": {
                  "list": [
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "100,000",
                        "images_zh": "10万",
                        "qps": "1"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "2.5 M",
                        "images_zh": "250万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "2.5 M",
                        "images_zh": "250万",
                        "qps": "10"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "5 M",
                        "images_zh": "500万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "5 M",
                        "images_zh": "500万",
                        "qps": "10"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "10 M",
                        "images_zh": "1000万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "10 M",
                        "images_zh": "1000万",
                        "qps": "10"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "20 M",
                        "images_zh": "2000万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "20 M",
                        "images_zh": "2000万",
                        "qps": "10"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "30 M",
                        "images_zh": "3000万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "30 M",
                        "images_zh": "3000万",
                        "qps": "10"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "40 M",
                        "images_zh": "4000万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "40 M",
                        "images_zh": "4000万",
                        "qps": "10"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "50 M",
                        "images_zh": "5000万",
                        "qps": "5"
                      }
                    },
                    {
                      "code": "is.form.package",
                      "args": {
                        "images": "50 M",
                        "images_zh": "5000万",
                        "qps": "10"
                      }
                    }
                  ]
                }
              }
            }
          ]
        },
        "when": null,
        "wide": true,
        "review": false
      }
    ]
  }
];
